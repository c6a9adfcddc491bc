import type { AuditRecord, Tx } from "@/lib/commands/run";
import type { FollowSubject } from "@/lib/generated/prisma/enums";

// The two writes every follow command makes (follows.* and champions' own), so they behave alike.

type Change = { tx: Tx; userId: string; follow: { subject: FollowSubject; key: string }; record: (event: AuditRecord) => void };

/**
 * One follow per person per item, also under races: the primary key (userId, subject, key) and
 * ON CONFLICT DO NOTHING, so a second click or a parallel request writes nothing and logs nothing.
 */
export async function addFollow({ tx, userId, follow, record }: Change, now: Date) {
  const { count } = await tx.follow.createMany({ data: [{ userId, subject: follow.subject, key: follow.key, createdAt: now }], skipDuplicates: true });
  if (count === 1) record({ action: "follow.added", entityType: "Follow", entityId: userId, isPublic: false, data: { subject: follow.subject, key: follow.key } });
  return { subject: follow.subject, key: follow.key, following: true, changed: count === 1 };
}

/** Stops following; not following already changes nothing. */
export async function removeFollow({ tx, userId, follow, record }: Change) {
  const { count } = await tx.follow.deleteMany({ where: { userId, subject: follow.subject, key: follow.key } });
  if (count > 0) record({ action: "follow.removed", entityType: "Follow", entityId: userId, isPublic: false, data: { subject: follow.subject, key: follow.key } });
  return { subject: follow.subject, key: follow.key, following: false, changed: count > 0 };
}
