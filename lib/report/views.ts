import type { Prisma } from "@/lib/generated/prisma/client";
import type { CommentDisposition, Locale, ProposalStatus } from "@/lib/generated/prisma/enums";
import { publicProposalWhere } from "@/lib/proposals/visibility";
import { PUBLIC_REPORT_STATUSES } from "./policy";

// What the version page reads about comments, links and dispositions: the selects (public
// columns only: no email, no user id) and the mappers to what the components show. The queries
// (queries.ts) run them, a fixed number of SQL statements whatever the number of rows.

// ─── What everyone reads ────────────────────────────────────────────────────────────────────

/** Versions everyone reads: never a draft (readableStatuses for a visitor). */
export const publicVersionWhere = { status: { in: PUBLIC_REPORT_STATUSES } } satisfies Prisma.ReportVersionWhereInput;

/** Comments everyone reads in full: on a public version, not hidden by moderators (toCommentView hides the words of the others). */
export const publicReportCommentWhere = { hiddenAt: null, version: publicVersionWhere } satisfies Prisma.ReportCommentWhereInput;

// ─── Comments ───────────────────────────────────────────────────────────────────────────────

export const reportCommentSelect = {
  id: true,
  versionId: true,
  paragraphId: true,
  createdAt: true,
  body: true,
  proposedText: true,
  language: true,
  disposition: true,
  answer: true,
  dispositionAt: true,
  hiddenAt: true,
  hiddenReason: true,
  organizationId: true,
  organization: { select: { name: true, slug: true, status: true } },
  author: { select: { name: true, roles: { where: { role: { in: ["STAFF", "ADMIN"] } }, select: { role: true }, take: 1 } } },
} satisfies Prisma.ReportCommentSelect;

export const REPORT_COMMENT_ORDER = [{ createdAt: "asc" }, { id: "asc" }] satisfies Prisma.ReportCommentOrderByWithRelationInput[];

export type ReportCommentRow = Prisma.ReportCommentGetPayload<{ select: typeof reportCommentSelect }>;

/**
 * Who signs: the organization (linked to its page while it is verified), or — without one — the
 * Civil Society Committee, or the secretariat (a staff member commenting on a draft).
 */
export type ReportCommentSignature =
  | { kind: "organization"; name: string; slug: string | null }
  | { kind: "committee" }
  | { kind: "secretariat" };

export type ReportCommentView = {
  id: string;
  versionId: string;
  paragraphId: string;
  createdAt: Date;
  /** Null when the author's account was deleted. */
  authorName: string | null;
  signature: ReportCommentSignature;
  /** Null when moderators hid the comment (lib/moderation): `hidden` says why. */
  body: string | null;
  proposedText: string | null;
  hidden: { reason: string; at: Date } | null;
  language: Locale | null;
  disposition: CommentDisposition | null;
  answer: string | null;
  dispositionAt: Date | null;
};

export function toCommentView(row: ReportCommentRow): ReportCommentView {
  const hidden = row.hiddenAt ? { reason: row.hiddenReason ?? "", at: row.hiddenAt } : null;
  let signature: ReportCommentSignature;
  if (row.organizationId && row.organization) {
    signature = { kind: "organization", name: row.organization.name, slug: row.organization.status === "VERIFIED" ? row.organization.slug : null };
  } else {
    signature = row.author && row.author.roles.length > 0 ? { kind: "secretariat" } : { kind: "committee" };
  }
  return {
    id: row.id,
    versionId: row.versionId,
    paragraphId: row.paragraphId,
    createdAt: row.createdAt,
    authorName: row.author?.name ?? null,
    signature,
    // A hidden comment's words reach no one through the page: only the public reason does.
    body: hidden ? null : row.body,
    proposedText: hidden ? null : row.proposedText,
    hidden,
    language: row.language,
    disposition: row.disposition,
    answer: row.answer,
    dispositionAt: row.dispositionAt,
  };
}

/** Groups views by paragraph id (the page gives each paragraph its own list). */
function byParagraph<V extends { paragraphId: string }>(views: readonly V[]): Map<string, V[]> {
  const map = new Map<string, V[]>();
  for (const view of views) {
    const list = map.get(view.paragraphId);
    if (list) list.push(view);
    else map.set(view.paragraphId, [view]);
  }
  return map;
}

export const commentsByParagraph = (views: readonly ReportCommentView[]) => byParagraph(views);

// ─── Links to proposals ─────────────────────────────────────────────────────────────────────

/** The links of a version's paragraphs, public proposals only. */
export const linkedProposalsWhere = (versionId: string): Prisma.ReportParagraphProposalWhereInput => ({
  paragraph: { versionId },
  proposal: publicProposalWhere,
});

export const LINK_ORDER = [{ createdAt: "asc" }, { proposalId: "asc" }] satisfies Prisma.ReportParagraphProposalOrderByWithRelationInput[];

export const linkedProposalSelect = {
  paragraphId: true,
  proposal: { select: { id: true, title: true, status: true, language: true, organization: { select: { name: true } } } },
} satisfies Prisma.ReportParagraphProposalSelect;

export type LinkedProposalRow = Prisma.ReportParagraphProposalGetPayload<{ select: typeof linkedProposalSelect }>;

export type LinkedProposalView = {
  paragraphId: string;
  proposalId: string;
  title: string;
  status: ProposalStatus;
  language: string;
  organizationName: string;
};

export const toLinkedProposalView = (row: LinkedProposalRow): LinkedProposalView => ({
  paragraphId: row.paragraphId,
  proposalId: row.proposal.id,
  title: row.proposal.title,
  status: row.proposal.status,
  language: row.proposal.language,
  organizationName: row.proposal.organization.name,
});

export const linksByParagraph = (views: readonly LinkedProposalView[]) => byParagraph(views);

// ─── Disposition counts ─────────────────────────────────────────────────────────────────────

export type DispositionCounts = Record<CommentDisposition, number> & { waiting: number; total: number };

export const emptyDispositionCounts = (): DispositionCounts => ({
  ACCEPTED: 0,
  PARTLY_ACCEPTED: 0,
  NOT_ACCEPTED: 0,
  NOTED: 0,
  waiting: 0,
  total: 0,
});
