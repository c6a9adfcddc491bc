import { defineCommand, requires } from "@/lib/commands/run";
import { canFollow } from "../policy";
import { followSchema } from "../schemas";

/**
 * A signed-in person stops following a country or a commitment. Not following it already changes nothing.
 *
 * Input: { subject: "COUNTRY" | "COMMITMENT", key }
 * Result: { subject, key, following: false, changed }
 */
export const unfollowSubject = defineCommand({
  name: "champions.unfollowSubject",
  input: followSchema,
  actor: "required",
  allow: requires(canFollow),
  async work({ tx, input, actor, record }) {
    const { count } = await tx.follow.deleteMany({ where: { userId: actor.userId, subject: input.subject, key: input.key } });
    if (count > 0) record({ action: "follow.removed", entityType: "Follow", entityId: actor.userId, isPublic: false, data: { subject: input.subject, key: input.key } });
    return { subject: input.subject, key: input.key, following: false, changed: count > 0 };
  },
});
