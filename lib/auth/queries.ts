import { db } from "@/lib/db/client";
import type { Actor } from "./actor";

export type OpenSession = {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  browser: string | null;
  os: string | null;
  isCurrent: boolean;
};

/** The actor's open sessions (not ended, not expired), the browser asking first, then the most recently used. */
export async function listOpenSessions(actor: Actor, now = new Date()): Promise<OpenSession[]> {
  const rows = await db.authSession.findMany({
    where: { userId: actor.userId, revokedAt: null, expiresAt: { gt: now } },
    select: { id: true, createdAt: true, lastSeenAt: true, expiresAt: true, browser: true, os: true },
    orderBy: [{ lastSeenAt: "desc" }, { createdAt: "desc" }],
    take: 100,
  });
  const sessions = rows.map((row) => ({ ...row, isCurrent: row.id === actor.sessionId }));
  return [...sessions.filter((s) => s.isCurrent), ...sessions.filter((s) => !s.isCurrent)];
}
