import { z } from "zod";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CommentDisposition, Locale, ReportVersionStatus } from "@/lib/generated/prisma/enums";
import { isCommitteeMember, isStaff, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { conflict, fieldError, forbidden, notFound, notSignedIn, parseInput, rateLimited } from "@/lib/errors";
import { isLimited, recordHit, type RateLimitRule } from "@/lib/rate-limit/consume";
import { locales } from "@/i18n/routing";

// Comments on the paragraphs of a report version: who may comment when, the command, and the
// select + mapper the version page uses to read every comment of a version in one findMany.
//
// Rules (issue 5):
// - an OPEN version takes comments until its deadline (now < commentDeadline), from members of
//   verified organizations and committee members with an active term;
// - a DRAFT version takes comments from committee members and staff only (the committee comments
//   first); for everyone else a draft does not exist (not found);
// - a CLOSED, SUPERSEDED or FINAL version (or an OPEN one past its deadline) takes none.
// A comment is public from the moment it is posted (on a non-draft version), signed with the
// organization the author chose among their verified ones; a committee member without one signs
// as the Civil Society Committee, staff without one as the secretariat.

type Tx = Prisma.TransactionClient;

export const REPORT_COMMENT_LIMITS = { body: 4000, proposedText: 8000 } as const;

/** An identical comment on the same paragraph sent again this soon is the same form posted twice. */
const DUPLICATE_WINDOW_MS = 2 * 60 * 1000;

// Generous: it stops a script, not a person going through a long draft.
const commentRule = (userId: string): RateLimitRule => ({ key: `report.comment:${userId}`, limit: 120, windowSeconds: 3600 });

// ─── Policy ─────────────────────────────────────────────────────────────────────────────────

/** Organizations the actor may sign a comment with: verified ones only. */
export const reportCommentOrganizations = (actor: Actor | null) => actor?.memberships.filter((m) => m.organizationStatus === "VERIFIED") ?? [];

/** Whether the version takes comments at `now` (an OPEN version past its deadline is closed). */
export function isOpenForComments(version: { status: ReportVersionStatus; commentDeadline: Date | null }, now = new Date()): boolean {
  return version.status === "OPEN" && !!version.commentDeadline && now.getTime() < version.commentDeadline.getTime();
}

/** Who may comment on a version in this status, leaving the deadline aside: the roles of the issue. */
export function mayCommentInStatus(actor: Actor | null, status: ReportVersionStatus): actor is Actor {
  if (!actor) return false;
  if (status === "DRAFT") return isCommitteeMember(actor) || isStaff(actor);
  if (status === "OPEN") return isCommitteeMember(actor) || reportCommentOrganizations(actor).length > 0;
  return false;
}

/** Whether the actor may comment on this version now: the version page passes it to ParagraphComments. */
export const canCommentOnVersion = (
  actor: Actor | null,
  version: { status: ReportVersionStatus; commentDeadline: Date | null },
  now = new Date(),
): actor is Actor => mayCommentInStatus(actor, version.status) && (version.status === "DRAFT" || isOpenForComments(version, now));

/** Anyone who could ever comment (a version in some state would take their comment). */
const mayEverComment = (actor: Actor | null): actor is Actor => mayCommentInStatus(actor, "OPEN") || mayCommentInStatus(actor, "DRAFT");

// ─── Schema ─────────────────────────────────────────────────────────────────────────────────

const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

export const postCommentSchema = z
  .object({
    versionId: z.preprocess(blankToUndefined, z.uuid().optional()),
    /** The paragraph, by its anchor within `versionId`… */
    anchor: z.preprocess(blankToUndefined, z.string().trim().max(32).optional()),
    /** …or by its id (the version page's forms send it, with the version). */
    paragraphId: z.preprocess(blankToUndefined, z.uuid().optional()),
    body: z.string().trim().min(1).max(REPORT_COMMENT_LIMITS.body),
    proposedText: z.preprocess(blankToUndefined, z.string().trim().max(REPORT_COMMENT_LIMITS.proposedText).optional()),
    language: z.preprocess(blankToUndefined, z.enum(locales).optional()),
    /** The organization the comment is signed with, when the author belongs to several verified ones. */
    organizationId: z.preprocess(blankToUndefined, z.uuid().optional()),
  })
  .superRefine((value, ctx) => {
    if (!value.paragraphId && !(value.versionId && value.anchor)) {
      ctx.addIssue({ code: "custom", path: ["body"], message: "reportComments.paragraphRequired" });
    }
  });

// ─── Command ────────────────────────────────────────────────────────────────────────────────

export type PostedComment = { id: string; versionId: string; versionNumber: number; anchor: string; created: boolean };

/** Serializes one person's comments for the rest of the transaction (double submit check). */
async function lockAuthor(tx: Tx, userId: string) {
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${`report.comment:${userId}`}))::text AS locked`;
}

/**
 * A member of a verified organization or a committee member comments on a paragraph of an OPEN
 * version before its deadline, optionally proposing replacement text; committee members and
 * staff comment on a DRAFT. The comment is public at once (a public log entry says so; on a
 * draft the entry is private, like the draft). The same text on the same paragraph sent twice
 * within two minutes is kept once.
 */
export async function postComment(actor: Actor | null, raw: unknown): Promise<PostedComment> {
  const input = parseInput(postCommentSchema, raw);
  if (!actor) throw notSignedIn();
  if (!mayEverComment(actor)) throw forbidden("reportComments.cannotComment");

  const speaksFor = reportCommentOrganizations(actor);
  let organizationId: string | null = speaksFor[0]?.organizationId ?? null;
  if (input.organizationId) {
    if (!speaksFor.some((m) => m.organizationId === input.organizationId)) {
      throw fieldError("organizationId", "reportComments.notYourOrganization");
    }
    organizationId = input.organizationId;
  }
  if (await isLimited([commentRule(actor.userId)])) throw rateLimited();

  const result = await db.$transaction(async (tx) => {
    // The paragraph must belong to the version named (when one is): another version's is not found.
    const where: Prisma.ReportParagraphWhereInput = input.paragraphId
      ? { id: input.paragraphId, ...(input.versionId ? { versionId: input.versionId } : {}) }
      : { versionId: input.versionId!, anchor: input.anchor! };
    if (input.paragraphId && input.anchor) where.anchor = input.anchor;
    const paragraph = await tx.reportParagraph.findFirst({ where, select: { id: true, anchor: true, versionId: true } });
    if (!paragraph) throw notFound();
    // Staff cannot close the version (or open it) until the comment is written.
    await tx.$queryRaw`SELECT id::text FROM "ReportVersion" WHERE id = ${paragraph.versionId}::uuid FOR SHARE`;
    const version = await tx.reportVersion.findUniqueOrThrow({
      where: { id: paragraph.versionId },
      select: { id: true, number: true, status: true, commentDeadline: true },
    });
    // A draft is invisible to everyone but staff and the committee.
    if (version.status === "DRAFT" && !mayCommentInStatus(actor, "DRAFT")) throw notFound();
    if (version.status === "OPEN" && !mayCommentInStatus(actor, "OPEN")) throw forbidden("reportComments.cannotComment");
    // Closed, superseded, final, or open past its deadline (by a millisecond is enough).
    if (!canCommentOnVersion(actor, version, new Date())) throw conflict("reportComments.closed");

    await lockAuthor(tx, actor.userId);
    const duplicate = await tx.reportComment.findFirst({
      where: {
        paragraphId: paragraph.id,
        authorId: actor.userId,
        body: input.body,
        createdAt: { gte: new Date(Date.now() - DUPLICATE_WINDOW_MS) },
      },
      select: { id: true },
    });
    const posted = { versionId: version.id, versionNumber: version.number, anchor: paragraph.anchor };
    if (duplicate) return { ...posted, id: duplicate.id, created: false };

    const comment = await tx.reportComment.create({
      data: {
        versionId: version.id,
        paragraphId: paragraph.id,
        authorId: actor.userId,
        organizationId,
        body: input.body,
        proposedText: input.proposedText ?? null,
        language: input.language ?? actor.locale,
      },
      select: { id: true, organization: { select: { name: true } } },
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "report.comment_posted",
      entityType: "ReportComment",
      entityId: comment.id,
      isPublic: version.status !== "DRAFT",
      data: {
        versionNumber: version.number,
        anchor: paragraph.anchor,
        organizationName: comment.organization?.name ?? null,
        signedAs: signatureKind(organizationId, actor),
      },
    });
    return { ...posted, id: comment.id, created: true };
  });
  if (result.created) await recordHit([commentRule(actor.userId)]);
  return result;
}

/** How a comment without an organization is signed, from the author's rights when they wrote it. */
const signatureKind = (organizationId: string | null, actor: Actor): ReportCommentSignature["kind"] =>
  organizationId ? "organization" : isCommitteeMember(actor) ? "committee" : "secretariat";

// ─── Reading: the select and mapper the version page uses ───────────────────────────────────

/**
 * What the version page reads about each comment: public columns only (no email, no user id).
 * D's query: `db.reportComment.findMany({ where: { versionId }, orderBy: REPORT_COMMENT_ORDER, select: reportCommentSelect })`
 * (a fixed number of SQL statements whatever the number of comments), then `rows.map(toCommentView)`.
 */
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
  body: string;
  proposedText: string | null;
  language: Locale | null;
  disposition: CommentDisposition | null;
  answer: string | null;
  dispositionAt: Date | null;
};

export function toCommentView(row: ReportCommentRow): ReportCommentView {
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
    body: row.body,
    proposedText: row.proposedText,
    language: row.language,
    disposition: row.disposition,
    answer: row.answer,
    dispositionAt: row.dispositionAt,
  };
}

/** Groups the views by paragraph id (the page gives each paragraph its own list). */
export function commentsByParagraph(views: readonly ReportCommentView[]): Map<string, ReportCommentView[]> {
  const map = new Map<string, ReportCommentView[]>();
  for (const view of views) {
    const list = map.get(view.paragraphId);
    if (list) list.push(view);
    else map.set(view.paragraphId, [view]);
  }
  return map;
}

/**
 * Every comment of a version, for a reader who may see the version (the caller checks: a draft
 * only for staff and the committee). One findMany, a fixed number of statements.
 */
export async function listVersionComments(versionId: string): Promise<ReportCommentView[]> {
  if (!z.uuid().safeParse(versionId).success) return [];
  const rows = await db.reportComment.findMany({ where: { versionId }, orderBy: REPORT_COMMENT_ORDER, select: reportCommentSelect });
  return rows.map(toCommentView);
}
