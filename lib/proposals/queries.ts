import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import type { ReportVersionStatus, SessionStatus } from "@/lib/generated/prisma/enums";
import { asLocalizedText, pickLocalized, type LocalizedText } from "@/lib/i18n/localized-text";
import type { AppLocale } from "@/i18n/routing";
import { canComment, canCommentOn, DRAFTING_ORGANIZATION_STATUSES, draftingOrganizationIds } from "./policy";
import { isPublicSessionStatus, LINKABLE_SESSION_STATUSES, publicProposalWhere, readableProposalSql, readableProposalWhere, signsAsOrganization } from "./visibility";
import { isUuid } from "@/lib/validation/ids";


/**
 * Everything the proposal page shows but the comments, in six queries whatever the number
 * of co-sponsors, history entries or report links (the proposal, its organization, its session,
 * the co-sponsors, the history with its actors, and the report paragraphs that take it up).
 * `null` when the actor may not read it (or it does not exist). The session is there only when
 * it is public: a draft session is never named.
 */
export async function getProposalForPage(actor: Actor | null, rawId: string) {
  if (!isUuid(rawId)) return null;
  const proposal = await db.proposal.findFirst({
    where: { AND: [{ id: rawId }, readableProposalWhere(actor)] },
    select: {
      id: true,
      title: true,
      summary: true,
      body: true,
      language: true,
      objectives: true,
      countries: true,
      sessionId: true,
      concernsChildren: true,
      concernsGender: true,
      concernsIrregular: true,
      status: true,
      submittedAt: true,
      answer: true,
      answeredAt: true,
      incorporatedNote: true,
      cosponsorCount: true,
      createdAt: true,
      updatedAt: true,
      organizationId: true,
      organization: { select: { id: true, name: true, slug: true, country: true, type: true, status: true } },
      session: { select: { id: true, title: true, status: true, startsAt: true, timeZone: true } },
    },
  });
  if (!proposal) return null;
  const [cosponsors, history, reportLinks] = await Promise.all([
    // One statement with the join (a Prisma relation would cost a second one).
    db.$queryRaw<{ id: string; name: string; slug: string; country: string; since: Date }[]>`
      SELECT o.id::text AS id, o.name, o.slug, o.country, c."createdAt" AS since
      FROM "ProposalCosponsor" c JOIN "Organization" o ON o.id = c."organizationId"
      WHERE c."proposalId" = ${proposal.id}::uuid AND o.status = 'VERIFIED'
      ORDER BY c."createdAt" ASC, o.name ASC`,
    // One statement with the actor's name joined (a Prisma relation would cost a second one).
    db.$queryRaw<{ id: string; action: string; createdAt: Date; data: unknown; actorName: string | null }[]>`
      SELECT a.id::text AS id, a.action, a."createdAt", a.data, u.name AS "actorName"
      FROM "AuditEntry" a LEFT JOIN "User" u ON u.id = a."actorId"
      WHERE a."entityType" = 'Proposal' AND a."entityId" = ${proposal.id} AND a."isPublic" = true
      ORDER BY a."createdAt" ASC, a.id ASC`,
    // Where the report takes it up: paragraphs of versions everyone reads (never a draft).
    db.$queryRaw<ProposalReportLink[]>`
      SELECT v.number AS "versionNumber", v.status::text AS "versionStatus", p.anchor, v.title AS "versionTitle"
      FROM "ReportParagraphProposal" l
      JOIN "ReportParagraph" p ON p.id = l."paragraphId"
      JOIN "ReportVersion" v ON v.id = p."versionId"
      WHERE l."proposalId" = ${proposal.id}::uuid AND v.status <> 'DRAFT'
      ORDER BY v.number DESC, p.position ASC`,
  ]);
  const { session: linked, ...rest } = proposal;
  const session: ProposalSession | null =
    linked && isPublicSessionStatus(linked.status)
      ? { id: linked.id, title: asLocalizedText(linked.title), status: linked.status, startsAt: linked.startsAt, timeZone: linked.timeZone }
      : null;
  return {
    ...rest,
    sessionId: session?.id ?? null,
    session,
    answer: (proposal.answer ?? null) as Partial<Record<"es" | "en" | "pt" | "fr", string>> | null,
    cosponsors,
    history: history.map((h) => ({ id: h.id, action: h.action, createdAt: h.createdAt, actorName: h.actorName, data: (h.data ?? {}) as Record<string, unknown> })),
    reportLinks,
  };
}

/** A paragraph of a non-draft report version that takes the proposal up (the proposal page links to it). */
export type ProposalReportLink = { versionNumber: number; versionStatus: ReportVersionStatus; anchor: string; versionTitle: string };

export type ProposalPageData = NonNullable<Awaited<ReturnType<typeof getProposalForPage>>>;

/** The public session a proposal is meant for, as its page shows it (the title in every language written). */
export type ProposalSession = { id: string; title: LocalizedText; status: SessionStatus; startsAt: Date; timeZone: string };

/** A session in a select: its title in the reader's language (else Spanish, else any) and its start. */
export type SessionOption = { id: string; title: string; lang: AppLocale | null; startsAt: Date; timeZone: string };

const sessionOptionSelect = { id: true, title: true, startsAt: true, timeZone: true } as const;

function toOption(row: { id: string; title: unknown; startsAt: Date; timeZone: string }, locale: AppLocale): SessionOption {
  const title = pickLocalized(row.title, locale);
  return { id: row.id, title: title?.text ?? "", lang: title?.lang ?? null, startsAt: row.startsAt, timeZone: row.timeZone };
}

/**
 * The proposal form's session picker, in one query: sessions open for nominations or with their
 * speakers confirmed, soonest first, plus the session the draft already names (`keepSessionId`)
 * whatever its state now, unless it is a draft session.
 */
export async function proposalSessionOptions(locale: AppLocale, keepSessionId?: string | null): Promise<SessionOption[]> {
  const keep = keepSessionId && z.uuid().safeParse(keepSessionId).success ? keepSessionId : null;
  const rows = await db.reviewSession.findMany({
    where: {
      OR: [
        { status: { in: [...LINKABLE_SESSION_STATUSES] } },
        ...(keep ? [{ id: keep, status: { not: "DRAFT" as const } }] : []),
      ],
    },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    select: sessionOptionSelect,
  });
  return rows.map((row) => toOption(row, locale));
}

/**
 * The public list's session filter, in one query: sessions but drafts that at least one public
 * proposal is meant for (another option would only find nothing, and every one weighs on the
 * page), plus the one chosen (`keepSessionId`), latest first.
 */
export async function sessionFilterOptions(locale: AppLocale, keepSessionId?: string): Promise<SessionOption[]> {
  const keep = keepSessionId && isUuid(keepSessionId) ? [{ id: keepSessionId }] : [];
  const rows = await db.reviewSession.findMany({
    where: { status: { not: "DRAFT" }, OR: [{ proposals: { some: publicProposalWhere } }, ...keep] },
    orderBy: [{ startsAt: "desc" }, { id: "asc" }],
    select: sessionOptionSelect,
  });
  return rows.map((row) => toOption(row, locale));
}

/** The draft as its form shows it, for a member of an organization that writes drafts; otherwise null. */
export async function findEditableDraft(actor: Actor | null, proposalId: string) {
  const drafting = draftingOrganizationIds(actor);
  if (drafting.length === 0 || !isUuid(proposalId)) return null;
  return db.proposal.findFirst({
    where: { id: proposalId, organizationId: { in: drafting }, organization: { status: { in: [...DRAFTING_ORGANIZATION_STATUSES] } }, status: "DRAFT" },
    select: {
      id: true,
      organizationId: true,
      title: true,
      summary: true,
      body: true,
      language: true,
      objectives: true,
      countries: true,
      concernsChildren: true,
      concernsGender: true,
      concernsIrregular: true,
      sessionId: true,
      organization: { select: { name: true, slug: true, status: true } },
    },
  });
}

// ─── The discussion ─────────────────────────────────────────────────────────────────────────

/** Comments and replies a proposal page shows at most (a flood would be hidden by staff). */
export const COMMENTS_MAX = 2000;

/** canCommentOn for a proposal known by id, read with the actor's rights (false if unreadable). */
export async function mayCommentOn(proposalId: string, actor: Actor | null): Promise<boolean> {
  if (!canComment(actor) || !isUuid(proposalId)) return false;
  const proposal = await db.proposal.findFirst({
    where: { AND: [{ id: proposalId }, readableProposalWhere(actor)] },
    select: { status: true },
  });
  return !!proposal && canCommentOn(actor, proposal);
}

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
  const signed = row.organizationStatus !== null && signsAsOrganization({ status: row.organizationStatus });
  return {
    id: row.id,
    createdAt: row.createdAt,
    authorName: row.authorName,
    organization: signed && row.organizationName && row.organizationSlug ? { name: row.organizationName, slug: row.organizationSlug } : null,
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
  if (!isUuid(proposalId)) return [];
  const rows = await db.$queryRaw<CommentRow[]>`
    SELECT c.id::text AS id, c."parentId"::text AS "parentId", c."createdAt", c.body, c."hiddenAt", c."hiddenReason",
           u.name AS "authorName", o.name AS "organizationName", o.slug AS "organizationSlug", o.status::text AS "organizationStatus"
    FROM "ProposalComment" c
    JOIN "Proposal" p ON p.id = c."proposalId"
    JOIN "Organization" po ON po.id = p."organizationId"
    LEFT JOIN "User" u ON u.id = c."authorId"
    LEFT JOIN "Organization" o ON o.id = c."organizationId"
    WHERE c."proposalId" = ${proposalId}::uuid AND ${readableProposalSql(actor)}
    ORDER BY c."createdAt" ASC, c.id ASC
    LIMIT ${COMMENTS_MAX}`;

  // Threads first, then their replies: a reply written in the same millisecond as its parent
  // (a seed, an import) may sort before it.
  const threads: CommentThread[] = [];
  const byId = new Map<string, CommentThread>();
  for (const row of rows) {
    if (row.parentId !== null) continue;
    const thread = { ...toView(row), replies: [] };
    threads.push(thread);
    byId.set(row.id, thread);
  }
  for (const row of rows) if (row.parentId !== null) byId.get(row.parentId)?.replies.push(toView(row));
  return threads;
}
