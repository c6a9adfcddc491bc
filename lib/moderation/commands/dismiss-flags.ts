import { defineCommand, requires } from "@/lib/commands/run";
import { conflict } from "@/lib/errors";
import { canModerate, dismissRefusal } from "../policy";
import { dismissFlagsSchema } from "../schemas";
import { closeOpenFlags } from "./post-rows";

/**
 * A moderator dismisses a post's open flags: the post stays as it is. Only the counts by outcome
 * are public (/transparency/moderation); the log entry is private.
 *
 * Input: { kind, postId }
 * Refused: not a moderator (forbidden), no open flag on the post (conflict).
 */
export const dismissFlags = defineCommand({
  name: "moderation.dismissFlags",
  input: dismissFlagsSchema,
  actor: "required",
  allow: requires(canModerate),
  load: ({ tx, input }) => tx.moderationFlag.count({ where: { kind: input.kind, postId: input.postId, status: "OPEN" } }),
  authorize: ({ loaded }) => dismissRefusal(loaded),
  async work({ tx, input, actor, now, record }) {
    const count = await closeOpenFlags(tx, input.kind, input.postId, "DISMISSED", actor.userId, now);
    // Another moderator may have decided them in between: nothing left to dismiss.
    if (count === 0) throw conflict("moderation.noOpenFlags");
    record({ action: "moderation.flags_dismissed", entityType: "ModeratedPost", entityId: input.postId, isPublic: false, data: { kind: input.kind, count } });
    return { kind: input.kind, postId: input.postId, dismissed: count };
  },
  invalidates: ["transparency", "dashboard"],
});
