import { z } from "zod";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ProposalStatus } from "@/lib/generated/prisma/enums";
import { isCommitteeMember, isStaff, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { conflict, fieldError, forbidden, notFound, notSignedIn, parseInput, rateLimited } from "@/lib/errors";
import { notify } from "@/lib/notifications/commands";
import { isLimited, recordHit, type RateLimitRule } from "@/lib/rate-limit/consume";
import { PUBLIC_STATUSES, readableProposalWhere } from "./visibility";

// Comments on proposals: who may comment and hide, the two commands, and the list the proposal
// page shows. One level of replies; a DB trigger (proposals_search migration) is the backstop.

type Tx = Prisma.TransactionClient;

export const COMMENT_LIMITS = { body: 4000, reason: 500 } as const;

/**
 * Proposals open for discussion: everything public except a withdrawn one (its authors took it
 * back; the discussion is kept, read-only). A draft is never discussed: it is not public.
 */
export const COMMENTABLE_STATUSES: readonly ProposalStatus[] = ["SUBMITTED", "UNDER_REVIEW", "ACCEPTED", "NOT_RETAINED", "INCORPORATED"];

/** Comments and replies a proposal page shows at most (a flood would be hidden by staff). */
export const COMMENTS_MAX = 2000;

/** An identical comment sent again this soon is the same form submitted twice. */
const DUPLICATE_WINDOW_MS = 2 * 60 * 1000;

// Generous: it stops a script, not a person in a lively discussion.
const commentRule = (userId: string): RateLimitRule => ({ key: `proposals.comment:${userId}`, limit: 60, windowSeconds: 3600 });

// ─── Policy ─────────────────────────────────────────────────────────────────────────────────

/** Organizations the actor may speak for in a comment: verified ones only. */
export const commentingOrganizations = (actor: Actor | null) => actor?.memberships.filter((m) => m.organizationStatus === "VERIFIED") ?? [];

/** Members of verified organizations, committee members with an active term, and staff. */
export const canComment = (actor: Actor | null): actor is Actor =>
  !!actor && (isStaff(actor) || isCommitteeMember(actor) || commentingOrganizations(actor).length > 0);

/** Whether the actor may comment on a proposal in this status (the proposal page passes it on). */
export const canCommentOn = (actor: Actor | null, proposal: { status: ProposalStatus }): actor is Actor =>
  canComment(actor) && COMMENTABLE_STATUSES.includes(proposal.status);

/** canCommentOn for a proposal known by id, read with the actor's rights (false if unreadable). */
export async function mayCommentOn(proposalId: string, actor: Actor | null): Promise<boolean> {
  if (!canComment(actor) || !z.uuid().safeParse(proposalId).success) return false;
  const proposal = await db.proposal.findFirst({
    where: { AND: [{ id: proposalId }, readableProposalWhere(actor)] },
    select: { status: true },
  });
  return !!proposal && canCommentOn(actor, proposal);
}

/** Staff (admins are staff) hide comments, with a reason everyone reads. */
export const canHideComments = (actor: Actor | null): actor is Actor => isStaff(actor);

// ─── Schemas ────────────────────────────────────────────────────────────────────────────────

const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

export const addCommentSchema = z.object({
  proposalId: z.uuid(),
  body: z.string().trim().min(1).max(COMMENT_LIMITS.body),
  /** The top-level comment answered; absent for a new thread. */
  parentId: z.preprocess(blankToUndefined, z.uuid().optional()),
  /** The organization the author speaks for, when they belong to several verified ones. */
  organizationId: z.preprocess(blankToUndefined, z.uuid().optional()),
});

export const hideCommentSchema = z.object({
  commentId: z.uuid(),
  reason: z.string().trim().min(1).max(COMMENT_LIMITS.reason),
});

// ─── Commands ───────────────────────────────────────────────────────────────────────────────

/** Serializes one person's comments for the rest of the transaction (double submit check). */
async function lockAuthor(tx: Tx, userId: string) {
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${`proposals.comment:${userId}`}))::text AS locked`;
}

/**
 * A signed-in member of a verified organization, a committee member or staff comments on a
 * public proposal, or answers a top-level comment. The authoring organization's members are
 * notified, and for a reply the author of the comment answered. The same text sent twice within
 * two minutes (a double click, a resubmitted form) is kept once.
 */
export async function addComment(actor: Actor | null, raw: unknown) {
  const input = parseInput(addCommentSchema, raw);
  if (!actor) throw notSignedIn();
  if (!canComment(actor)) throw forbidden("proposalDiscussion.cannotComment");

  const speaksFor = commentingOrganizations(actor);
  let organizationId: string | null = speaksFor[0]?.organizationId ?? null;
  if (input.organizationId) {
    if (!speaksFor.some((m) => m.organizationId === input.organizationId)) {
      throw fieldError("organizationId", "proposalDiscussion.notYourOrganization");
    }
    organizationId = input.organizationId;
  }
  if (await isLimited([commentRule(actor.userId)])) throw rateLimited();

  const result = await db.$transaction(async (tx) => {
    // The proposal's status cannot change under us (withdrawal) until the comment is written.
    await tx.$queryRaw`SELECT id::text FROM "Proposal" WHERE id = ${input.proposalId}::uuid FOR SHARE`;
    const proposal = await tx.proposal.findFirst({
      where: { AND: [{ id: input.proposalId }, readableProposalWhere(actor)] },
      select: { id: true, title: true, status: true, organizationId: true },
    });
    // A draft belongs to its authors: for everyone it does not exist as a discussion.
    if (!proposal || proposal.status === "DRAFT") throw notFound();
    if (!COMMENTABLE_STATUSES.includes(proposal.status)) throw conflict("proposalDiscussion.closed");

    let parentAuthorId: string | null = null;
    if (input.parentId) {
      const parent = await tx.proposalComment.findFirst({
        where: { id: input.parentId, proposalId: proposal.id },
        select: { id: true, parentId: true, authorId: true, hiddenAt: true },
      });
      if (!parent) throw fieldError("body", "proposalDiscussion.parentNotFound");
      if (parent.parentId) throw fieldError("body", "proposalDiscussion.replyToReply");
      if (parent.hiddenAt) throw fieldError("body", "proposalDiscussion.parentHidden");
      parentAuthorId = parent.authorId;
    }

    await lockAuthor(tx, actor.userId);
    const duplicate = await tx.proposalComment.findFirst({
      where: {
        proposalId: proposal.id,
        authorId: actor.userId,
        parentId: input.parentId ?? null,
        body: input.body,
        createdAt: { gte: new Date(Date.now() - DUPLICATE_WINDOW_MS) },
      },
      select: { id: true, proposalId: true, parentId: true },
    });
    if (duplicate) return { comment: duplicate, created: false };

    const comment = await tx.proposalComment.create({
      data: { proposalId: proposal.id, authorId: actor.userId, organizationId, parentId: input.parentId ?? null, body: input.body },
      select: { id: true, proposalId: true, parentId: true },
    });
    await recordAudit(tx, {
      actorId: actor.userId,
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
    return { comment, created: true };
  });
  if (result.created) await recordHit([commentRule(actor.userId)]);
  return result.comment;
}

/**
 * Staff hide a comment: its text is no longer shown, the reason is, in its place. The public log
 * says which proposal's discussion was moderated and why (the reason is public by design).
 */
export async function hideComment(actor: Actor | null, raw: unknown) {
  const input = parseInput(hideCommentSchema, raw);
  if (!actor) throw notSignedIn();
  if (!canHideComments(actor)) throw forbidden();

  return db.$transaction(async (tx) => {
    const comment = await tx.proposalComment.findFirst({
      where: { id: input.commentId },
      select: { id: true, hiddenAt: true, proposal: { select: { id: true, title: true } } },
    });
    if (!comment) throw notFound();
    if (comment.hiddenAt) throw conflict("proposalDiscussion.alreadyHidden");
    const now = new Date();
    // The WHERE repeats "not hidden yet": of two staff clicking at once, one wins.
    const updated = await tx.proposalComment.updateMany({
      where: { id: comment.id, hiddenAt: null },
      data: { hiddenAt: now, hiddenReason: input.reason, hiddenById: actor.userId },
    });
    if (updated.count !== 1) throw conflict("proposalDiscussion.alreadyHidden");
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "comment.hidden",
      entityType: "ProposalComment",
      entityId: comment.id,
      isPublic: true,
      data: { proposalId: comment.proposal.id, proposalTitle: comment.proposal.title, reason: input.reason },
    });
    return { id: comment.id, proposalId: comment.proposal.id, hiddenAt: now, hiddenReason: input.reason };
  });
}

// ─── Queries ────────────────────────────────────────────────────────────────────────────────

export type CommentView = {
  id: string;
  createdAt: Date;
  /** Null when the author's account was deleted. */
  authorName: string | null;
  /** The organization the author spoke for, while it is verified (public). */
  organization: { name: string; slug: string } | null;
  /** Null when staff hid the comment: `hidden` says why. */
  body: string | null;
  hidden: { reason: string; at: Date } | null;
};

export type CommentThread = CommentView & { replies: CommentView[] };

type CommentRow = {
  id: string;
  parentId: string | null;
  createdAt: Date;
  body: string;
  hiddenAt: Date | null;
  hiddenReason: string | null;
  authorName: string | null;
  organizationName: string | null;
  organizationSlug: string | null;
  organizationStatus: string | null;
};

function toView(row: CommentRow): CommentView {
  const hidden = row.hiddenAt ? { reason: row.hiddenReason ?? "", at: row.hiddenAt } : null;
  return {
    id: row.id,
    createdAt: row.createdAt,
    authorName: row.authorName,
    organization:
      row.organizationStatus === "VERIFIED" && row.organizationName && row.organizationSlug
        ? { name: row.organizationName, slug: row.organizationSlug }
        : null,
    body: hidden ? null : row.body,
    hidden,
  };
}

/**
 * The discussion of a proposal the actor may read: top-level comments oldest first, each with
 * its replies oldest first. ONE SQL query whatever the number of comments (comments, authors
 * and organizations joined; the threads are put together here). The readability test is
 * readableProposalWhere (visibility.ts) written in SQL: public (not a draft, verified
 * organization) or the actor's own organization's. Nothing for a proposal the actor may not read.
 */
export async function listComments(proposalId: string, actor: Actor | null): Promise<CommentThread[]> {
  if (!z.uuid().safeParse(proposalId).success) return [];
  const memberOf = actor?.memberships.map((m) => m.organizationId) ?? [];
  const rows = await db.$queryRaw<CommentRow[]>`
    SELECT c.id::text AS id, c."parentId"::text AS "parentId", c."createdAt", c.body, c."hiddenAt", c."hiddenReason",
           u.name AS "authorName", o.name AS "organizationName", o.slug AS "organizationSlug", o.status::text AS "organizationStatus"
    FROM "ProposalComment" c
    JOIN "Proposal" p ON p.id = c."proposalId"
    JOIN "Organization" po ON po.id = p."organizationId"
    LEFT JOIN "User" u ON u.id = c."authorId"
    LEFT JOIN "Organization" o ON o.id = c."organizationId"
    WHERE c."proposalId" = ${proposalId}::uuid
      AND (
        (p.status::text IN (${Prisma.join(PUBLIC_STATUSES as string[])}) AND po.status = 'VERIFIED')
        OR p."organizationId"::text = ANY(${memberOf}::text[])
      )
    ORDER BY c."createdAt" ASC, c.id ASC
    LIMIT ${COMMENTS_MAX}`;

  const threads: CommentThread[] = [];
  const byId = new Map<string, CommentThread>();
  for (const row of rows) {
    if (row.parentId === null) {
      const thread = { ...toView(row), replies: [] };
      threads.push(thread);
      byId.set(row.id, thread);
    } else {
      // A reply is always newer than its parent, so the parent came first.
      byId.get(row.parentId)?.replies.push(toView(row));
    }
  }
  return threads;
}
