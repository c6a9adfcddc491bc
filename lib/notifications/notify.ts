import type { Tx } from "@/lib/commands/run";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { NotificationKind } from "./kinds";

export type NotifyInput = {
  userIds: readonly (string | null | undefined)[];
  /** One of the kinds in kinds.ts; an unknown kind still shows, as a generic sentence. */
  kind: NotificationKind | (string & {});
  /** What the sentence needs (see kinds.ts); only what the recipients may read. */
  data: Prisma.InputJsonObject;
  /** The person acting: never notified of their own deed. */
  exceptUserId?: string | null;
};

/**
 * Queues an in-app notification for each user, once each, in the caller's transaction (so it
 * exists only if the decision commits): commands call it from their `work` with its `tx`. Not a
 * command itself: it decides nothing. Returns how many were written.
 */
export async function notify(tx: Tx, input: NotifyInput): Promise<number> {
  const userIds = [...new Set(input.userIds.filter((id): id is string => typeof id === "string" && id !== ""))].filter(
    (id) => id !== input.exceptUserId,
  );
  if (userIds.length === 0) return 0;
  const result = await tx.notification.createMany({
    data: userIds.map((userId) => ({ userId, kind: input.kind, data: input.data })),
  });
  return result.count;
}
