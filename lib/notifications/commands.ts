import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { notSignedIn, parseInput } from "@/lib/errors";
import type { NotificationKind } from "./kinds";
import { markNotificationsReadSchema } from "./schemas";

type Tx = Prisma.TransactionClient;

export type NotifyInput = {
  userIds: readonly (string | null | undefined)[];
  /** One of NOTIFICATION_KINDS (kinds.ts); an unknown kind still shows, as a generic sentence. */
  kind: NotificationKind | (string & {});
  /** What the sentence needs (see kinds.ts); only what the recipients may read. */
  data: Prisma.InputJsonObject;
  /** The person acting: never notified of their own deed. */
  exceptUserId?: string | null;
};

/**
 * Queues an in-app notification for each user, once each, in the caller's transaction (so it
 * exists only if the decision commits). Returns how many were written.
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

/**
 * Marks the actor's notifications as read: the ones named in `ids`, or all of them. Only the
 * actor's own rows are touched (an id of someone else's notification changes nothing).
 * Returns how many changed.
 */
export async function markNotificationsRead(actor: Actor | null, raw: unknown): Promise<number> {
  const input = parseInput(markNotificationsReadSchema, raw ?? {});
  if (!actor) throw notSignedIn();
  const where: Prisma.NotificationWhereInput = { userId: actor.userId, readAt: null };
  if (input.ids) where.id = { in: input.ids };
  const result = await db.notification.updateMany({ where, data: { readAt: new Date() } });
  return result.count;
}
