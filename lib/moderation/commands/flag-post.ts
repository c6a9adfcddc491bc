import { defineCommand, requires } from "@/lib/commands/run";
import { canFlag, flagRefusal, FLAGS_PER_HOUR } from "../policy";
import { flagPostSchema } from "../schemas";
import { lockPost } from "./post-rows";

const flagRule = (userId: string) => ({ key: `moderation.flag:${userId}`, limit: FLAGS_PER_HOUR, windowSeconds: 3600 });

/**
 * Someone signed in flags a post for the moderators, with a reason from the fixed list and an
 * optional private note. One flag per person per post: flagging again (or twenty times at once)
 * keeps the first, and says so. No public trace: the private log entry has no actor.
 *
 * Input: { kind, postId, category, note? }
 * Refused: a post not on a public page (not found), one's own post (forbidden), a hidden post (conflict).
 */
export const flagPost = defineCommand({
  name: "moderation.flagPost",
  input: flagPostSchema,
  actor: "required",
  allow: requires(canFlag),
  rateLimit: { rules: ({ actor }) => [flagRule(actor.userId)], count: "success" },
  // A share lock: a hide running now waits for this flag, then closes it with the others.
  load: ({ tx, input }) => lockPost(tx, input.kind, input.postId, "share"),
  authorize: ({ actor, loaded }) => flagRefusal(actor, loaded),
  async work({ tx, input, actor, record }) {
    // The unique (kind, postId, flaggerId) decides between parallel attempts: no error, one row.
    const { count } = await tx.moderationFlag.createMany({
      data: [{ kind: input.kind, postId: input.postId, flaggerId: actor.userId, reason: input.category, note: input.note ?? null }],
      skipDuplicates: true,
    });
    if (count === 1) {
      record({ action: "moderation.post_flagged", entityType: "ModeratedPost", entityId: input.postId, isPublic: false, actorId: null, data: { kind: input.kind, category: input.category } });
    }
    return { kind: input.kind, postId: input.postId, alreadyFlagged: count === 0 };
  },
  invalidates: ["dashboard"],
});
