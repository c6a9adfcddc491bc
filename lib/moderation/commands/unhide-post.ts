import { defineCommand, requires } from "@/lib/commands/run";
import { conflict } from "@/lib/errors";
import { notify } from "@/lib/notifications/notify";
import { canModerate, unhideRefusal } from "../policy";
import { unhidePostSchema } from "../schemas";
import { targetOf } from "../targets";
import { lockPost } from "./post-rows";

/**
 * A moderator shows a hidden post again, with a reason for the public log; the author is told.
 * The flags it had stay as decided.
 *
 * Input: { kind, postId, reason }
 * Refused: not a moderator (forbidden), unknown post (not found), not hidden (conflict).
 */
export const unhidePost = defineCommand({
  name: "moderation.unhidePost",
  input: unhidePostSchema,
  actor: "required",
  allow: requires(canModerate),
  load: ({ tx, input }) => lockPost(tx, input.kind, input.postId, "update"),
  authorize: ({ loaded }) => unhideRefusal(loaded),
  async work({ tx, input, actor, loaded, record }) {
    const post = loaded!;
    if (!(await targetOf(input.kind).unhide(tx, post.id))) throw conflict("moderation.notHidden");
    await notify(tx, { userIds: [post.authorId], kind: "moderation.post_unhidden", data: { href: post.href }, exceptUserId: actor.userId });
    record({
      action: "moderation.post_unhidden",
      entityType: "ModeratedPost",
      entityId: post.id,
      isPublic: post.isPublic,
      data: { kind: input.kind, reason: input.reason, href: post.href },
    });
    return { kind: input.kind, postId: post.id, href: post.href };
  },
  invalidates: (_result, { input }) => [...targetOf(input.kind).surfaces, "transparency", "dashboard"],
});
