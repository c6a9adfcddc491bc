import { defineCommand, requires } from "@/lib/commands/run";
import { conflict, notFound } from "@/lib/errors";
import { canHideComments, hideCommentRefusal } from "../policy";
import { hideCommentSchema } from "../schemas";

/**
 * Staff hide a comment: its text is no longer shown, the reason is, in its place. The public log
 * says which proposal's discussion was moderated and why (the reason is public by design).
 */
export const hideComment = defineCommand({
  name: "proposals.hideComment",
  input: hideCommentSchema,
  actor: "required",
  allow: requires(canHideComments),
  async load({ tx, input }) {
    const comment = await tx.proposalComment.findFirst({
      where: { id: input.commentId },
      select: { id: true, hiddenAt: true, proposal: { select: { id: true, title: true } } },
    });
    if (!comment) throw notFound();
    return comment;
  },
  authorize: ({ loaded }) => hideCommentRefusal(loaded),
  async work({ tx, input, actor, now, loaded: comment, record }) {
    // The WHERE repeats "not hidden yet": of two staff clicking at once, one wins.
    const updated = await tx.proposalComment.updateMany({
      where: { id: comment.id, hiddenAt: null },
      data: { hiddenAt: now, hiddenReason: input.reason, hiddenById: actor.userId },
    });
    if (updated.count !== 1) throw conflict("proposalDiscussion.alreadyHidden");
    record({
      action: "comment.hidden",
      entityType: "ProposalComment",
      entityId: comment.id,
      isPublic: true,
      data: { proposalId: comment.proposal.id, proposalTitle: comment.proposal.title, reason: input.reason },
    });
    return { id: comment.id, proposalId: comment.proposal.id, hiddenAt: now, hiddenReason: input.reason };
  },
  invalidates: ["proposals", "transparency"],
});
