import { defineCommand } from "@/lib/commands/run";
import { endSessionRefusal, managesOwnSessions } from "../policy";
import { endSessionSchema } from "../schemas";

/**
 * Ends one of the actor's sessions: signing out (their own) or another browser from the account
 * page. The next request with that cookie finds no open session, on every server. Ending one
 * already ended changes nothing and records nothing.
 */
export const endAuthSession = defineCommand({
  name: "auth.endSession",
  input: endSessionSchema,
  actor: "required",
  allow: managesOwnSessions,
  load: ({ tx, input }) => tx.authSession.findUnique({ where: { id: input.sessionId }, select: { id: true, userId: true, revokedAt: true } }),
  authorize: ({ actor, loaded }) => endSessionRefusal(actor, loaded),
  async work({ tx, input, actor, now, record }): Promise<{ ended: boolean }> {
    const { count } = await tx.authSession.updateMany({ where: { id: input.sessionId, revokedAt: null }, data: { revokedAt: now } });
    if (count === 0) return { ended: false };
    const how = input.sessionId === actor.sessionId ? "signed_out" : "ended_elsewhere";
    record({ action: "account.session_ended", entityType: "AuthSession", entityId: input.sessionId, isPublic: false, data: { how } });
    return { ended: true };
  },
});
