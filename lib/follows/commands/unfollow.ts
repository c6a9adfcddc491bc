import { defineCommand, requires } from "@/lib/commands/run";
import { canFollow } from "../policy";
import { followSchema } from "../schemas";
import { pageOf } from "../surfaces";
import { removeFollow } from "../write";

/**
 * A signed-in person stops following something. No check on the item: what became unreadable
 * or was deleted can still be let go of. Not following it already changes nothing.
 *
 * Input: { subject, key }. Result: { subject, key, following: false, changed }
 */
export const unfollow = defineCommand({
  name: "follows.unfollow",
  input: followSchema,
  actor: "required",
  allow: requires(canFollow),
  work: ({ tx, input, actor, record }) => removeFollow({ tx, userId: actor.userId, follow: input, record }),
  invalidates: (result) => ["dashboard", pageOf(result.subject)],
});
