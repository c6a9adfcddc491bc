import { defineCommand } from "@/lib/commands/run";
import { advisoryLock, lockRow } from "@/lib/db/locks";
import { notify } from "@/lib/notifications/notify";
import type { RateLimitRule } from "@/lib/rate-limit/consume";
import { commenterRefusal, commentingOrganizations, commentOnRefusal, replyRefusal } from "../policy";
import { addCommentSchema } from "../schemas";
import { readableProposalWhere } from "../visibility";
import { notifyProposalFollowers } from "./shared";

/** An identical comment sent again this soon is the same form submitted twice. */
const DUPLICATE_WINDOW_MS = 2 * 60 * 1000;

// Generous: it stops a script, not a person in a lively discussion.
const commentRule = (userId: string): RateLimitRule => ({ key: `proposals.comment:${userId}`, limit: 60, windowSeconds: 3600 });

/**
 * A signed-in member of a verified organization, a committee member or staff comments on a
 * public proposal, or answers a top-level comment. The authoring organization's members are
 * notified, and for a reply the author of the comment answered. The same text sent twice within
 * two minutes (a double click, a resubmitted form) is kept once.
 */
export const addComment = defineCommand({
  name: "proposals.comment",
  input: addCommentSchema,
  actor: "required",
  allow: ({ actor, input }) => commenterRefusal(actor, input.organizationId),
  rateLimit: { rules: ({ actor }) => [commentRule(actor.userId)], count: "success" },
  async load({ tx, input, actor }) {
    // The proposal's status cannot change under us (withdrawal) until the comment is written.
    await lockRow(tx, "Proposal", input.proposalId);
    const proposal = await tx.proposal.findFirst({
      where: { AND: [{ id: input.proposalId }, readableProposalWhere(actor)] },
      select: { id: true, title: true, status: true, organizationId: true },
    });
    const parent = input.parentId
      ? await tx.proposalComment.findFirst({
          where: { id: input.parentId, proposalId: input.proposalId },
          select: { id: true, parentId: true, authorId: true, hiddenAt: true },
        })
      : null;
    return { proposal, parent };
  },
  authorize: ({ input, loaded }) => commentOnRefusal(loaded.proposal) ?? (input.parentId ? replyRefusal(loaded.parent) : null),
  async work({ tx, input, actor, now, loaded, record }) {
    // authorize refused a proposal that is missing or closed.
    const proposal = loaded.proposal!;
    const parentAuthorId = loaded.parent?.authorId ?? null;
    const organizationId = input.organizationId ?? commentingOrganizations(actor)[0]?.organizationId ?? null;

    // One person's comments one after another, so the double submit check sees the first.
    await advisoryLock(tx, `proposals.comment:${actor.userId}`);
    const duplicate = await tx.proposalComment.findFirst({
      where: {
        proposalId: proposal.id,
        authorId: actor.userId,
        parentId: input.parentId ?? null,
        body: input.body,
        createdAt: { gte: new Date(now.getTime() - DUPLICATE_WINDOW_MS) },
      },
      select: { id: true, proposalId: true, parentId: true },
    });
    if (duplicate) return duplicate;

    const comment = await tx.proposalComment.create({
      data: { proposalId: proposal.id, authorId: actor.userId, organizationId, parentId: input.parentId ?? null, body: input.body },
      select: { id: true, proposalId: true, parentId: true },
    });
    record({
      action: "comment.added",
      entityType: "ProposalComment",
      entityId: comment.id,
      isPublic: false,
      data: { proposalId: proposal.id, parentId: comment.parentId, organizationId },
    });

    const data = { proposalId: proposal.id, proposalTitle: proposal.title, authorName: actor.name };
    if (parentAuthorId) {
      await notify(tx, { userIds: [parentAuthorId], kind: "proposal.replied", data, exceptUserId: actor.userId });
    }
    const authors = await tx.membership.findMany({ where: { organizationId: proposal.organizationId }, select: { userId: true } });
    await notify(tx, {
      // The parent's author already heard about this reply.
      userIds: authors.map((m) => m.userId).filter((id) => id !== parentAuthorId),
      kind: "proposal.commented",
      data,
      exceptUserId: actor.userId,
    });
    await notifyProposalFollowers(tx, proposal, "proposal.followed_commented", actor.userId, { authorName: actor.name }, [parentAuthorId]);
    return comment;
  },
  invalidates: ["proposals"],
});
