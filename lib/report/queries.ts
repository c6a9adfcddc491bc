import { z } from "zod";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CommentDisposition, Locale, ReportVersionStatus } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { ANCHOR_PATTERN } from "./anchors";
import { compareParagraphs, summarize, type DiffRow, type DiffSummary } from "./diff";
import { canManageReport, canReadDrafts, CHANGE_DISPOSITIONS, effectiveStatus, readableStatuses, reportTransitions, supersededBy } from "./policy";
import {
  commentsByParagraph as groupComments,
  emptyDispositionCounts as emptyCounts,
  LINK_ORDER,
  linkedProposalSelect,
  linkedProposalsWhere,
  linksByParagraph,
  REPORT_COMMENT_ORDER,
  reportCommentSelect,
  toCommentView,
  toLinkedProposalView,
  type DispositionCounts,
  type LinkedProposalView,
  type ReportCommentView,
} from "./views";

// What the report pages read. Every query is scoped by what the actor may read (a draft exists
// only for staff and the committee) and selects public columns only (the internal note only for
// staff and the committee, on drafts). Each page runs a fixed
// number of statements, whatever the number of paragraphs and comments.

const versionSelect = {
  id: true,
  number: true,
  title: true,
  language: true,
  status: true,
  commentDeadline: true,
  timeZone: true,
  openedAt: true,
  closedAt: true,
  finalAt: true,
  createdAt: true,
  updatedAt: true,
  previousId: true,
} satisfies Prisma.ReportVersionSelect;
type VersionRow = Prisma.ReportVersionGetPayload<{ select: typeof versionSelect }>;

/** A version as the pages show it: with its effective status (OPEN past its deadline is CLOSED). */
export type ReportVersionView = VersionRow & { effectiveStatus: ReportVersionStatus };

const view = (row: VersionRow, now: Date): ReportVersionView => ({ ...row, effectiveStatus: effectiveStatus(row, now) });

export const paragraphSelect = {
  id: true,
  anchor: true,
  position: true,
  markdown: true,
  text: true,
  headingLevel: true,
} satisfies Prisma.ReportParagraphSelect;
export type ReportParagraphView = Prisma.ReportParagraphGetPayload<{ select: typeof paragraphSelect }>;

export type VersionListItem = ReportVersionView & { counts: DispositionCounts; translations: Locale[] };

/** Every version the actor may read, newest first, with its comment counts (three statements). */
export async function listVersions(actor: Actor | null, now = new Date()): Promise<VersionListItem[]> {
  const rows = await db.reportVersion.findMany({
    where: { status: { in: readableStatuses(actor) } },
    orderBy: { number: "desc" },
    select: { ...versionSelect, translations: { select: { language: true }, orderBy: { language: "asc" } } },
  });
  const counts = await dispositionCountsByVersion(rows.map((r) => r.id));
  return rows.map(({ translations, ...row }) => ({
    ...view(row, now),
    counts: counts.get(row.id) ?? emptyCounts(),
    translations: translations.map((t) => t.language),
  }));
}

/** The staff desk: every version (drafts too) with counts, plus the draft's text to edit. */
export async function getReportDesk(actor: Actor, now = new Date()) {
  if (!canManageReport(actor)) return null;
  const versions = await listVersions(actor, now);
  const draft = versions.find((v) => v.status === "DRAFT");
  const draftText = draft ? await db.reportVersion.findUnique({ where: { id: draft.id }, select: { body: true, internalNote: true } }) : null;
  return {
    versions,
    draft: draft ? { ...draft, body: draftText?.body ?? "", internalNote: draftText?.internalNote ?? null } : null,
    /** Closed versions with comments still waiting for a disposition: highlighted on the desk. */
    needsAnswers: versions.filter((v) => v.effectiveStatus === "CLOSED" && v.counts.waiting > 0),
  };
}

/** How many of a paragraph's latest comments the version page shows; the rest are on its own page. */
export const LATEST_COMMENTS = 2;
/** Comments per page on a paragraph's page. */
export const PARAGRAPH_COMMENTS_PAGE = 20;

/**
 * One version with its paragraphs, each paragraph's count of comments and its LATEST_COMMENTS
 * latest ones (hidden comments are neither counted nor shown here: their public reason is on
 * the paragraph's page), and the public proposals each paragraph takes up. A fixed number of
 * statements whatever the size.
 */
export async function getVersionPage(actor: Actor | null, number: number, now = new Date()) {
  if (!Number.isInteger(number) || number < 1) return null;
  const found = await db.reportVersion.findFirst({
    where: { number, status: { in: readableStatuses(actor) } },
    select: { ...versionSelect, internalNote: canReadDrafts(actor) },
  });
  if (!found) return null;
  const { internalNote, ...version } = found;
  const [translations, paragraphs, perParagraph, latestIds, links, counts] = await Promise.all([
    db.reportTranslation.findMany({ where: { versionId: version.id }, orderBy: { language: "asc" }, select: { language: true, title: true } }),
    db.reportParagraph.findMany({ where: { versionId: version.id }, orderBy: { position: "asc" }, select: paragraphSelect }),
    db.reportComment.groupBy({ by: ["paragraphId"], where: { versionId: version.id, hiddenAt: null }, _count: { _all: true } }),
    db.$queryRaw<{ id: string }[]>`
      SELECT id FROM (
        SELECT id, row_number() OVER (PARTITION BY "paragraphId" ORDER BY "createdAt" DESC, id DESC) AS n
        FROM "ReportComment" WHERE "versionId" = ${version.id} AND "hiddenAt" IS NULL
      ) latest WHERE n <= ${LATEST_COMMENTS}`,
    db.reportParagraphProposal.findMany({ where: linkedProposalsWhere(version.id), orderBy: LINK_ORDER, select: linkedProposalSelect }),
    dispositionCounts(version.id),
  ]);
  // Always run (no comment yet: an empty list), so the page's statements do not depend on its data.
  const latest = await db.reportComment.findMany({ where: { id: { in: latestIds.map((r) => r.id) } }, orderBy: REPORT_COMMENT_ORDER, select: reportCommentSelect });
  return {
    version: view(version, now),
    /** Staff's note on a draft, for staff and the committee only. */
    internalNote: version.status === "DRAFT" && canReadDrafts(actor) ? (internalNote ?? null) : null,
    translations,
    paragraphs,
    /** Visible comments per paragraph id (hidden ones not counted). */
    commentCounts: new Map(perParagraph.map((g) => [g.paragraphId, g._count._all])),
    /** Each paragraph's latest visible comments, oldest first. */
    latestByParagraph: groupComments(latest.map(toCommentView)),
    proposalsByParagraph: linksByParagraph(links.map(toLinkedProposalView)),
    counts,
  };
}

/**
 * One paragraph of a version with all its comments, PARAGRAPH_COMMENTS_PAGE a page, oldest
 * first (a hidden one keeps its place, shown by toCommentView as its public reason only), the
 * proposals it takes up, and the version's outline (anchors and heading levels: the part the
 * paragraph is in). Null when the actor may not read the version or there is no such paragraph.
 */
export async function getParagraphPage(actor: Actor | null, number: number, anchor: string, page = 1, now = new Date()) {
  if (!Number.isInteger(number) || number < 1 || !ANCHOR_PATTERN.test(anchor)) return null;
  const found = await db.reportVersion.findFirst({ where: { number, status: { in: readableStatuses(actor) } }, select: versionSelect });
  if (!found) return null;
  const paragraph = await db.reportParagraph.findUnique({ where: { versionId_anchor: { versionId: found.id, anchor } }, select: paragraphSelect });
  if (!paragraph) return null;
  const where = { versionId: found.id, paragraphId: paragraph.id } satisfies Prisma.ReportCommentWhereInput;
  const [outline, rows, visible, links] = await Promise.all([
    db.reportParagraph.findMany({ where: { versionId: found.id }, orderBy: { position: "asc" }, select: { anchor: true, headingLevel: true } }),
    db.reportComment.count({ where }),
    db.reportComment.count({ where: { ...where, hiddenAt: null } }),
    db.reportParagraphProposal.findMany({
      where: { ...linkedProposalsWhere(found.id), paragraphId: paragraph.id },
      orderBy: LINK_ORDER,
      select: linkedProposalSelect,
    }),
  ]);
  const pageCount = Math.max(1, Math.ceil(rows / PARAGRAPH_COMMENTS_PAGE));
  const current = Math.min(Math.max(1, Math.trunc(page) || 1), pageCount);
  const comments = await db.reportComment.findMany({
    where,
    orderBy: REPORT_COMMENT_ORDER,
    skip: (current - 1) * PARAGRAPH_COMMENTS_PAGE,
    take: PARAGRAPH_COMMENTS_PAGE,
    select: reportCommentSelect,
  });
  return {
    version: view(found, now),
    paragraph,
    outline,
    comments: comments.map(toCommentView),
    /** Visible comments (hidden ones not counted). */
    commentCount: visible,
    page: current,
    pageCount,
    links: links.map(toLinkedProposalView),
  };
}

/**
 * Where a comment is read whole: its version's number, its paragraph's anchor and the page of
 * the paragraph's comments it is on (for /report/comments/<id>, which redirects there). Null
 * when the actor may not read its version. Two statements.
 */
export async function locateReportComment(actor: Actor | null, id: string) {
  if (!isUuid(id)) return null;
  const comment = await db.reportComment.findFirst({
    where: { id, version: { status: { in: readableStatuses(actor) } } },
    select: { id: true, createdAt: true, paragraphId: true, version: { select: { number: true } }, paragraph: { select: { anchor: true } } },
  });
  if (!comment) return null;
  // The comments before it in REPORT_COMMENT_ORDER (created at, then id).
  const before = await db.reportComment.count({
    where: {
      paragraphId: comment.paragraphId,
      OR: [{ createdAt: { lt: comment.createdAt } }, { createdAt: comment.createdAt, id: { lt: comment.id } }],
    },
  });
  return { versionNumber: comment.version.number, anchor: comment.paragraph.anchor, page: Math.floor(before / PARAGRAPH_COMMENTS_PAGE) + 1 };
}

export type SupersededVersion = { id: string; number: number; title: string; language: Locale; effectiveStatus: ReportVersionStatus; unanswered: number };

/**
 * What the confirmation page shows before staff open a draft (two statements): the draft with
 * its internal note, and the versions opening it would supersede, each with how many of its
 * comments are still without a disposition (counted by the database; hidden ones are not). Null for anyone but staff,
 * for an unknown number and for a version that is not a draft.
 */
export async function getOpenConfirmation(actor: Actor | null, number: number, now = new Date()) {
  if (!canManageReport(actor) || !Number.isInteger(number) || number < 1) return null;
  const found = await db.reportVersion.findFirst({
    where: { number, status: { in: [...reportTransitions.open.from] } },
    select: { ...versionSelect, internalNote: true },
  });
  if (!found) return null;
  const { internalNote, ...version } = found;
  const earlier = await db.reportVersion.findMany({
    where: supersededBy(version.number),
    orderBy: { number: "asc" },
    // A hidden comment is answered by the moderators' public reason: it waits for no disposition.
    select: { ...versionSelect, _count: { select: { comments: { where: { disposition: null, hiddenAt: null } } } } },
  });
  const superseded: SupersededVersion[] = earlier.map(({ _count, ...row }) => ({
    id: row.id,
    number: row.number,
    title: row.title,
    language: row.language,
    effectiveStatus: effectiveStatus(row, now),
    unanswered: _count.comments,
  }));
  return { version: view(version, now), internalNote, superseded };
}

/** The version's number, title and status for the page's metadata (one statement), or null. */
export async function getVersionMeta(actor: Actor | null, number: number) {
  if (!Number.isInteger(number) || number < 1) return null;
  return db.reportVersion.findFirst({ where: { number, status: { in: readableStatuses(actor) } }, select: { number: true, title: true, status: true } });
}

/**
 * What /report shows: the newest version that is final, or open or closed for comment (never a
 * draft, never a superseded one), with its paragraphs and translations. Publishing a final
 * report supersedes the versions before it, so a newer open or closed version is the next
 * review's draft: the page shows it, and links the earlier final report (`earlierFinal`).
 */
export async function getCurrentReport(now = new Date()) {
  const version = await db.reportVersion.findFirst({ where: { status: { in: ["FINAL", "OPEN", "CLOSED"] } }, orderBy: { number: "desc" }, select: versionSelect });
  if (!version) return null;
  const [paragraphs, translations, earlierFinal] = await Promise.all([
    db.reportParagraph.findMany({ where: { versionId: version.id }, orderBy: { position: "asc" }, select: paragraphSelect }),
    db.reportTranslation.findMany({ where: { versionId: version.id }, orderBy: { language: "asc" }, select: { language: true, title: true, body: true } }),
    version.status === "FINAL"
      ? null
      : db.reportVersion.findFirst({ where: { status: "FINAL", number: { lt: version.number } }, orderBy: { number: "desc" }, select: { number: true, title: true, language: true, finalAt: true } }),
  ]);
  return { version: view(version, now), paragraphs, translations, earlierFinal };
}

/**
 * The Markdown of a version (or of one of its translations) for the download route, when the
 * actor may read the version: { filename, title, body } or null.
 */
export async function getVersionSource(actor: Actor | null, number: number, language?: Locale | null) {
  if (!Number.isInteger(number) || number < 1) return null;
  const version = await db.reportVersion.findFirst({
    where: { number, status: { in: readableStatuses(actor) } },
    select: { id: true, number: true, title: true, body: true, language: true },
  });
  if (!version) return null;
  if (language && language !== version.language) {
    const translation = await db.reportTranslation.findUnique({
      where: { versionId_language: { versionId: version.id, language } },
      select: { title: true, body: true },
    });
    if (!translation) return null;
    return { number: version.number, language, title: translation.title, body: translation.body };
  }
  return { number: version.number, language: version.language, title: version.title, body: version.body };
}

export type CompareComment = {
  id: string;
  versionNumber: number;
  anchor: string;
  organizationName: string | null;
  /** Without an organization: the secretariat (the author is staff) or the committee signs. */
  signedBySecretariat: boolean;
  body: string;
  proposedText: string | null;
  language: Locale | null;
  disposition: CommentDisposition;
  answer: string | null;
};

export type CompareData = {
  from: ReportVersionView;
  to: ReportVersionView;
  rows: DiffRow<ReportParagraphView>[];
  summary: DiffSummary;
  /** For each changed or removed paragraph (by anchor): the accepted or partly accepted comments behind it. */
  reasons: Map<string, CompareComment[]>;
};

/**
 * Two versions compared paragraph by paragraph (either order), with, for every changed or
 * removed paragraph, the comments on that paragraph (same anchor) in the versions from the
 * earlier one up to (not including) the later one that staff accepted or partly accepted:
 * the comments that led to the change. Four statements.
 */
export async function getComparison(actor: Actor | null, fromNumber: number, toNumber: number, now = new Date()): Promise<CompareData | null> {
  if (![fromNumber, toNumber].every((n) => Number.isInteger(n) && n >= 1) || fromNumber === toNumber) return null;
  const low = Math.min(fromNumber, toNumber);
  const high = Math.max(fromNumber, toNumber);
  const versions = await db.reportVersion.findMany({
    where: { number: { gte: low, lte: high }, status: { in: readableStatuses(actor) } },
    orderBy: { number: "asc" },
    select: versionSelect,
  });
  const from = versions.find((v) => v.number === fromNumber);
  const to = versions.find((v) => v.number === toNumber);
  if (!from || !to) return null;
  const paragraphs = await db.reportParagraph.findMany({
    where: { versionId: { in: [from.id, to.id] } },
    orderBy: { position: "asc" },
    select: { ...paragraphSelect, versionId: true },
  });
  const of = (versionId: string) =>
    paragraphs.filter((p) => p.versionId === versionId).map((p) => ({ id: p.id, anchor: p.anchor, position: p.position, markdown: p.markdown, text: p.text, headingLevel: p.headingLevel }));
  const rows = compareParagraphs(of(from.id), of(to.id));
  const changedAnchors = rows.filter((r) => r.kind === "changed" || r.kind === "removed").map((r) => r.anchor);
  const sources = versions.filter((v) => v.number < high);
  const reasons = new Map<string, CompareComment[]>();
  if (changedAnchors.length && sources.length) {
    const comments = await db.reportComment.findMany({
      where: {
        versionId: { in: sources.map((v) => v.id) },
        disposition: { in: [...CHANGE_DISPOSITIONS] },
        paragraph: { anchor: { in: changedAnchors } },
        // Hidden by moderators: not shown as a reason for a change either.
        hiddenAt: null,
      },
      orderBy: REPORT_COMMENT_ORDER,
      select: {
        id: true,
        body: true,
        proposedText: true,
        language: true,
        disposition: true,
        answer: true,
        version: { select: { number: true } },
        paragraph: { select: { anchor: true } },
        organization: { select: { name: true } },
        // The same rule as the version page (lib/report/views.ts toCommentView).
        author: { select: { roles: { select: { role: true } } } },
      },
    });
    for (const c of comments) {
      const item: CompareComment = {
        id: c.id,
        versionNumber: c.version.number,
        anchor: c.paragraph.anchor,
        organizationName: c.organization?.name ?? null,
        signedBySecretariat: !c.organization && (c.author?.roles.length ?? 0) > 0,
        body: c.body,
        proposedText: c.proposedText,
        language: c.language,
        disposition: c.disposition!,
        answer: c.answer,
      };
      const list = reasons.get(item.anchor);
      if (list) list.push(item);
      else reasons.set(item.anchor, [item]);
    }
  }
  return { from: view(from, now), to: view(to, now), rows, summary: summarize(rows), reasons };
}

/** The versions the compare form offers (numbers and titles the actor may read). */
export async function listVersionChoices(actor: Actor | null) {
  return db.reportVersion.findMany({
    where: { status: { in: readableStatuses(actor) } },
    orderBy: { number: "asc" },
    select: { number: true, title: true, status: true },
  });
}


const isUuid = (value: string) => z.uuid().safeParse(value).success;

/**
 * Every comment of a version, for a reader who may see the version (the caller checks: a draft
 * only for staff and the committee). One findMany, a fixed number of statements.
 */
export async function listVersionComments(versionId: string): Promise<ReportCommentView[]> {
  if (!isUuid(versionId)) return [];
  const rows = await db.reportComment.findMany({ where: { versionId }, orderBy: REPORT_COMMENT_ORDER, select: reportCommentSelect });
  return rows.map(toCommentView);
}

/** The public proposals linked to a version's paragraphs (a fixed number of statements). */
export async function listVersionLinks(versionId: string): Promise<LinkedProposalView[]> {
  if (!isUuid(versionId)) return [];
  const rows = await db.reportParagraphProposal.findMany({ where: linkedProposalsWhere(versionId), orderBy: LINK_ORDER, select: linkedProposalSelect });
  return rows.map(toLinkedProposalView);
}

/**
 * How many comments of each version got each disposition and how many still wait, in ONE query
 * for any number of versions. Every id asked for is in the map (zeros when it has no comment).
 */
export async function dispositionCountsByVersion(versionIds: readonly string[]): Promise<Map<string, DispositionCounts>> {
  const ids = [...new Set(versionIds)].filter(isUuid);
  const map = new Map<string, DispositionCounts>(ids.map((id) => [id, emptyCounts()]));
  if (ids.length === 0) return map;
  const groups = await db.reportComment.groupBy({
    by: ["versionId", "disposition"],
    where: { versionId: { in: ids } },
    _count: { _all: true },
  });
  for (const group of groups) {
    const counts = map.get(group.versionId);
    if (!counts) continue;
    const n = group._count._all;
    if (group.disposition) counts[group.disposition] += n;
    else counts.waiting += n;
    counts.total += n;
  }
  return map;
}

/** The counts of one version. */
export async function dispositionCounts(versionId: string): Promise<DispositionCounts> {
  return (await dispositionCountsByVersion([versionId])).get(versionId) ?? emptyCounts();
}
