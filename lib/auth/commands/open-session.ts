import { defineCommand } from "@/lib/commands/run";
import { deviceSummary } from "../device";
import { sessionOpenedByProof, sessionOwnerRefusal } from "../policy";
import { openSessionSchema } from "../schemas";
import { SESSION_MAX_AGE_SECONDS } from "../secret";

/** Rows of sessions ended or expired longer ago than this are deleted when the user next signs in. */
const KEEP_ENDED_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * Creates the session row a new cookie names, expiring 30 days from now (fixed: using it never
 * extends it). Stores only a coarse browser and system name, never the address. Called as
 * `openAuthSession(null, { userId, userAgent })` by lib/auth/session.ts and next-auth's authorize().
 */
export const openAuthSession = defineCommand({
  name: "auth.openSession",
  input: openSessionSchema,
  actor: "optional",
  allow: sessionOpenedByProof,
  load: ({ tx, input }) => tx.user.findUnique({ where: { id: input.userId }, select: { id: true } }),
  authorize: ({ loaded }) => sessionOwnerRefusal(loaded),
  async work({ tx, input, now, record }): Promise<{ id: string; expiresAt: Date }> {
    const { browser, os } = deviceSummary(input.userAgent);
    const expiresAt = new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000);
    const forgotten = new Date(now.getTime() - KEEP_ENDED_MS);
    await tx.authSession.deleteMany({
      where: { userId: input.userId, OR: [{ expiresAt: { lt: forgotten } }, { revokedAt: { lt: forgotten } }] },
    });
    const session = await tx.authSession.create({
      data: { userId: input.userId, createdAt: now, lastSeenAt: now, expiresAt, browser, os },
      select: { id: true, expiresAt: true },
    });
    record({ actorId: input.userId, action: "account.signed_in", entityType: "AuthSession", entityId: session.id, isPublic: false, data: {} });
    return session;
  },
});
