import { defineCommand, requires } from "@/lib/commands/run";
import { conflict } from "@/lib/errors";
import { notify } from "@/lib/notifications/notify";
import { canModerate, hideRefusal } from "../policy";
import { hidePostSchema } from "../schemas";
import { targetOf } from "../targets";
import { closeOpenFlags, lockPost } from "./post-rows";

/**
 * A moderator hides a post with a public reason, filed under a category: the text then reaches
 * no public page, feed or download; the reason takes its place. The post's open flags are
 * upheld, its author is told in the app, and the public log says what was hidden and why (never
 * who flagged). The one way to hide a post of any kind.
 *
 * Input: { kind, postId, category, reason }
 * Refused: not a moderator (forbidden), unknown post (not found), already hidden (conflict).
 */
export const hidePost = defineCommand({
  name: "moderation.hidePost",
  input: hidePostSchema,
  actor: "required",
  allow: requires(canModerate),
  load: ({ tx, input }) => lockPost(tx, input.kind, input.postId, "update"),
  authorize: ({ loaded }) => hideRefusal(loaded),
  async work({ tx, input, actor, now, loaded, record }) {
    const post = loaded!;
    const hidden = await targetOf(input.kind).hide(tx, post.id, { at: now, reason: input.reason, category: input.category, byId: actor.userId });
    if (!hidden) throw conflict("moderation.alreadyHidden");
    const upheld = await closeOpenFlags(tx, input.kind, post.id, "UPHELD", actor.userId, now);
    await notify(tx, {
      userIds: [post.authorId],
      kind: "moderation.post_hidden",
      data: { href: post.href, reason: input.reason },
      exceptUserId: actor.userId,
    });
    record({
      action: "moderation.post_hidden",
      entityType: "ModeratedPost",
      entityId: post.id,
      isPublic: post.isPublic,
      data: { kind: input.kind, category: input.category, reason: input.reason, href: post.href },
    });
    return { kind: input.kind, postId: post.id, href: post.href, upheld };
  },
  invalidates: (_result, { input }) => [...targetOf(input.kind).surfaces, "transparency", "dashboard"],
});
