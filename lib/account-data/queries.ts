import { isUuid } from "@/lib/validation/ids";
import type { Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/commands/run";
import { db } from "@/lib/db/client";
import type { DeletionBlockers } from "./policy";
import { TOMBSTONE_USER_ID } from "./tombstone";

/**
 * What stands in the way of deleting this account: the organizations it is the only admin of,
 * and whether it is the only site admin. The page reads it to say so before the form; the
 * command reads it again under its lock.
 */
export async function deletionBlockers(client: Tx | typeof db, userId: string): Promise<DeletionBlockers> {
  const [adminOf, isSiteAdmin, otherSiteAdmins] = await Promise.all([
    client.organization.findMany({
      where: { memberships: { some: { userId, role: "ADMIN" }, none: { userId: { not: userId }, role: "ADMIN" } } },
      select: { name: true },
      orderBy: { name: "asc" },
    }),
    client.roleAssignment.count({ where: { userId, role: "ADMIN" } }),
    client.roleAssignment.count({ where: { role: "ADMIN", userId: { notIn: [userId, TOMBSTONE_USER_ID] } } }),
  ]);
  return { lastAdminOf: adminOf.map((o) => o.name), lastSiteAdmin: isSiteAdmin > 0 && otherSiteAdmins === 0 };
}

export type ArchiveState = { id: string; status: "PENDING" | "READY"; requestedAt: Date; readyAt: Date | null; expiresAt: Date; size: number | null };

/** The person's latest archive that has not expired (the page links it, or says it is being prepared). */
export async function latestArchive(actor: Actor, now = new Date()): Promise<ArchiveState | null> {
  return db.accountArchive.findFirst({
    where: { userId: actor.userId, expiresAt: { gt: now } },
    orderBy: { requestedAt: "desc" },
    select: { id: true, status: true, requestedAt: true, readyAt: true, expiresAt: true, size: true },
  });
}

/** One archive for the download route: the file only once the policy said yes (never for someone else). */
export async function archiveForDownload(id: string) {
  if (!isUuid(id)) return null;
  return db.accountArchive.findUnique({ where: { id }, select: { userId: true, status: true, expiresAt: true, requestedAt: true } });
}

export async function archiveFile(id: string): Promise<Uint8Array | null> {
  const row = await db.accountArchive.findUnique({ where: { id }, select: { file: true } });
  return row?.file ?? null;
}
