import { defineCommand, requires } from "@/lib/commands/run";
import { canFollow, followRefusal } from "../policy";
import { followSchema } from "../schemas";
import { pageOf } from "../surfaces";
import { loadFollowTarget } from "../target";
import { addFollow } from "../write";

/**
 * A signed-in person follows a country, an initiative or recommendation, a proposal, a review
 * session or a consultation, and hears in the app what happens to it. The item must exist, be
 * readable by them and still change in public (followRefusal). Following again changes nothing.
 *
 * Input: { subject: "COUNTRY", key: "MX" } | { subject: "PROPOSAL" | "SESSION" | …, key: <id> }
 * Result: { subject, key, following: true, changed }
 */
export const follow = defineCommand({
  name: "follows.follow",
  input: followSchema,
  actor: "required",
  allow: requires(canFollow),
  load: ({ tx, actor, input }) => loadFollowTarget(tx, actor, input),
  authorize: ({ actor, loaded }) => followRefusal(actor, loaded),
  work: ({ tx, input, actor, now, record }) => addFollow({ tx, userId: actor.userId, follow: input, record }, now),
  invalidates: (result) => ["dashboard", pageOf(result.subject)],
});
