import { defineCommand } from "@/lib/commands/run";
import { managesOwnSessions } from "../policy";
import { endOtherSessionsSchema } from "../schemas";

/** Ends every open session of the actor's but the one asking (after a lost phone, a shared computer). */
export const endOtherAuthSessions = defineCommand({
  name: "auth.endOtherSessions",
  input: endOtherSessionsSchema,
  actor: "required",
  allow: managesOwnSessions,
  async work({ tx, actor, now, record }): Promise<{ ended: number }> {
    const { count } = await tx.authSession.updateMany({
      where: { userId: actor.userId, revokedAt: null, expiresAt: { gt: now }, ...(actor.sessionId ? { id: { not: actor.sessionId } } : {}) },
      data: { revokedAt: now },
    });
    if (count > 0) record({ action: "account.other_sessions_ended", entityType: "User", entityId: actor.userId, isPublic: false, data: { count } });
    return { ended: count };
  },
});
