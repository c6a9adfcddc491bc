import { isCommitteeMember, isStaff, type Actor } from "@/lib/auth/actor";
import { refuse, type Refusal } from "@/lib/errors";
import type { CommentDisposition, Locale, ReportVersionStatus } from "@/lib/generated/prisma/enums";

// Who may do what with the report, deny by default: boolean role rules, and one function per
// decision returning the refusal (or null). Commands refuse with them; pages show a form or a
// button with the same functions, and queries scope their WHERE by the same rules.

export const REPORT_STATUSES: readonly ReportVersionStatus[] = ["DRAFT", "OPEN", "CLOSED", "SUPERSEDED", "FINAL"];

/** Everyone reads these; a DRAFT is for staff and the committee only (anyone else: not found). */
export const PUBLIC_REPORT_STATUSES: ReportVersionStatus[] = ["OPEN", "CLOSED", "SUPERSEDED", "FINAL"];

/**
 * The status readers see: an OPEN version whose deadline has passed is closed, everywhere
 * (pages, commands), even before staff close it.
 */
export function effectiveStatus(version: { status: ReportVersionStatus; commentDeadline: Date | null }, now = new Date()): ReportVersionStatus {
  if (version.status === "OPEN" && (!version.commentDeadline || version.commentDeadline.getTime() <= now.getTime())) return "CLOSED";
  return version.status;
}

export const REPORT_ACTIONS = ["edit", "open", "close", "publishFinal", "translate"] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];

/**
 * The lifecycle, on the effective status: a draft is edited, then opened for comment (or
 * published as final directly); an open version is closed (or closes at its deadline); a closed
 * one may become the final report. Opening or finalizing a later version supersedes the earlier
 * open or closed ones (and a new final supersedes the previous final). Translations attach to
 * any version readers can see.
 */
export const reportTransitions: Record<ReportAction, { from: readonly ReportVersionStatus[]; to: ReportVersionStatus | null }> = {
  edit: { from: ["DRAFT"], to: "DRAFT" },
  open: { from: ["DRAFT"], to: "OPEN" },
  close: { from: ["OPEN"], to: "CLOSED" },
  publishFinal: { from: ["DRAFT", "CLOSED"], to: "FINAL" },
  // The status stays as it is.
  translate: { from: ["OPEN", "CLOSED", "SUPERSEDED", "FINAL"], to: null },
};

/**
 * The address comparing a version with the one it was made from, or null when it was made from
 * none (a review's first draft). A new version is always made from the latest, so the previous
 * one is number − 1 (lib/report/commands/create-version.ts).
 */
export function comparePreviousHref(version: { number: number; previousId: string | null }): string | null {
  return version.previousId && version.number > 1 ? `/report/compare?from=${version.number - 1}&to=${version.number}` : null;
}

/** The versions a later one supersedes when it opens or is final: earlier ones open or closed. */
export const supersededBy = (number: number) => ({ number: { lt: number }, status: { in: ["OPEN", "CLOSED"] satisfies ReportVersionStatus[] } });

export const canApplyReportAction = (status: ReportVersionStatus, action: ReportAction) => reportTransitions[action].from.includes(status);

/** The status after `action`, or null when it is not allowed from `status` (an effective status). */
export function nextReportStatus(status: ReportVersionStatus, action: ReportAction): ReportVersionStatus | null {
  if (!canApplyReportAction(status, action)) return null;
  return reportTransitions[action].to ?? status;
}

type VersionState = { status: ReportVersionStatus; commentDeadline: Date | null };

/**
 * Whether staff may apply `action` to this version now, on its effective status: a conflict when
 * the lifecycle does not allow it (an open version is never edited: changes make a new version).
 */
export function versionChangeRefusal(version: VersionState, action: ReportAction, now = new Date()): Refusal | null {
  if (canApplyReportAction(effectiveStatus(version, now), action)) return null;
  return refuse.conflict(action === "edit" ? "report.notEditable" : "report.wrongState");
}

/** One draft at a time: staff edit the one there is (the desk shows its form instead of "new version"). */
export const newVersionRefusal = (draft: { number: number } | null): Refusal | null =>
  draft ? refuse.conflict("report.draftExists", { number: draft.number }) : null;

const sameNumbers = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((n, i) => n === b[i]);

/**
 * Opening a draft for comment: the deadline (a local time in the zone chosen, null when no such
 * time exists) is ahead, and the versions it would supersede are the ones the confirmation page
 * showed (`expected`, ascending; none sent: not checked) — another version opened or closed in
 * between is refused, not superseded unseen.
 */
export function openVersionRefusal(deadline: Date | null, now: Date, superseded: readonly number[], expected?: readonly number[]): Refusal | null {
  if (!deadline) return refuse.field("commentDeadline", "report.invalidLocalTime");
  if (deadline.getTime() <= now.getTime()) return refuse.field("commentDeadline", "report.deadlineInPast");
  if (expected && !sameNumbers(superseded, expected)) return refuse.conflict("report.supersededChanged");
  return null;
}

/** A translation is into another language than the version's own (comments go on the original). */
export const translationRefusal = (versionLanguage: Locale, language: Locale): Refusal | null =>
  versionLanguage === language ? refuse.field("language", "report.sameLanguage") : null;

/** Staff (admins are staff) write, open, close and publish versions. */
export const canManageReport = (actor: Actor | null): actor is Actor => isStaff(actor);

/** Drafts are read by staff and by committee members (the committee comments first). */
export const canReadDrafts = (actor: Actor | null): actor is Actor => isStaff(actor) || isCommitteeMember(actor);

/** Whether the actor may read a version in this status (else it does not exist for them). */
export const canReadVersion = (actor: Actor | null, status: ReportVersionStatus) => status !== "DRAFT" || canReadDrafts(actor);

/** The statuses the actor may read, for the WHERE of every query. */
export const readableStatuses = (actor: Actor | null): ReportVersionStatus[] =>
  canReadDrafts(actor) ? [...REPORT_STATUSES] : PUBLIC_REPORT_STATUSES;

/** Dispositions counted as "this comment led to a change" on the compare page. */
export const CHANGE_DISPOSITIONS = ["ACCEPTED", "PARTLY_ACCEPTED"] as const;

/** A public log entry about a draft would reveal it: entries about a draft version are private. */
export const isPublicVersion = (status: ReportVersionStatus) => status !== "DRAFT";

// ─── Comments (issue 5) ─────────────────────────────────────────────────────────────────────
// - an OPEN version takes comments until its deadline (now < commentDeadline), from members of
//   verified organizations and committee members with an active term;
// - a DRAFT version takes comments from committee members and staff only (the committee comments
//   first); for everyone else a draft does not exist (not found);
// - a CLOSED, SUPERSEDED or FINAL version (or an OPEN one past its deadline) takes none.
// A comment is signed with the organization the author chose among their verified ones; a
// committee member without one signs as the Civil Society Committee, staff without one as the secretariat.

/** Organizations the actor may sign a comment with: verified ones only. */
export const reportCommentOrganizations = (actor: Actor | null) => actor?.memberships.filter((m) => m.organizationStatus === "VERIFIED") ?? [];

/** Whether the version takes comments at `now` (an OPEN version past its deadline is closed). */
export function isOpenForComments(version: VersionState, now = new Date()): boolean {
  return version.status === "OPEN" && !!version.commentDeadline && now.getTime() < version.commentDeadline.getTime();
}

/** Who may comment on a version in this status, leaving the deadline aside: the roles of the issue. */
export function mayCommentInStatus(actor: Actor | null, status: ReportVersionStatus): actor is Actor {
  if (!actor) return false;
  if (status === "DRAFT") return isCommitteeMember(actor) || isStaff(actor);
  if (status === "OPEN") return isCommitteeMember(actor) || reportCommentOrganizations(actor).length > 0;
  return false;
}

/**
 * Whether the actor may write a comment at all, signed with `organizationId` when they chose one
 * (one of their verified organizations): someone who could never comment is refused before anything.
 */
export function commentAuthorRefusal(actor: Actor | null, organizationId?: string): Refusal | null {
  if (!mayCommentInStatus(actor, "OPEN") && !mayCommentInStatus(actor, "DRAFT")) return refuse.forbidden("reportComments.cannotComment");
  if (organizationId && !reportCommentOrganizations(actor).some((m) => m.organizationId === organizationId)) {
    return refuse.field("organizationId", "reportComments.notYourOrganization");
  }
  return null;
}

/** The organization a comment is signed with: the one chosen, else the author's first verified one, else none. */
export const signingOrganizationId = (actor: Actor, chosen?: string): string | null =>
  chosen ?? reportCommentOrganizations(actor)[0]?.organizationId ?? null;

/** How a comment without an organization is signed, from the author's rights when they wrote it. */
export const signatureKind = (organizationId: string | null, actor: Actor): "organization" | "committee" | "secretariat" =>
  organizationId ? "organization" : isCommitteeMember(actor) ? "committee" : "secretariat";

/**
 * Whether the actor may comment on this version now (closed by a millisecond past the deadline is
 * enough). A draft does not exist for anyone but staff and the committee.
 */
export function commentRefusal(actor: Actor | null, version: VersionState, now = new Date()): Refusal | null {
  if (version.status === "DRAFT" && !mayCommentInStatus(actor, "DRAFT")) return refuse.notFound();
  if (version.status === "OPEN" && !mayCommentInStatus(actor, "OPEN")) return refuse.forbidden("reportComments.cannotComment");
  if (version.status !== "DRAFT" && !isOpenForComments(version, now)) return refuse.conflict("reportComments.closed");
  return null;
}

/** The version page shows the comment forms when this holds: the same decision as the command. */
export const canCommentOnVersion = (actor: Actor | null, version: VersionState, now = new Date()): actor is Actor =>
  commentRefusal(actor, version, now) === null;

// ─── Dispositions ───────────────────────────────────────────────────────────────────────────

/** Staff (admins are staff) answer comments. */
export const canGiveDispositions = (actor: Actor | null): actor is Actor => isStaff(actor);

/**
 * Versions whose comments can be answered: all of them. Staff answer while a version is open,
 * once it is closed, and catch up after it was superseded or made final; the committee's comments
 * on a draft get their answer too (privately, like the draft).
 */
export const ANSWERABLE_STATUSES: readonly ReportVersionStatus[] = ["DRAFT", "OPEN", "CLOSED", "SUPERSEDED", "FINAL"];

/** A comment (of the version named) gets a disposition, or a different one: the same answer again is refused. */
export function answerRefusal(
  comment: { disposition: CommentDisposition | null; answer: string | null; version: { status: ReportVersionStatus } },
  given: { disposition: CommentDisposition; answer: string },
): Refusal | null {
  if (!ANSWERABLE_STATUSES.includes(comment.version.status)) return refuse.conflict("reportComments.notAnswerable");
  if (comment.disposition === given.disposition && comment.answer === given.answer) return refuse.conflict("reportComments.sameAnswer");
  return null;
}

// ─── Links to proposals ─────────────────────────────────────────────────────────────────────

/** Staff (admins are staff) link paragraphs to proposals. */
export const canLinkProposals = (actor: Actor | null): actor is Actor => isStaff(actor);

/**
 * A paragraph takes up a public proposal once: a draft proposal belongs to its authors and cannot
 * be named here (nor can one that does not exist); `proposal` is null for both.
 */
export function linkRefusal(proposal: object | null, alreadyLinked: boolean): Refusal | null {
  if (!proposal) return refuse.field("proposal", "reportComments.proposalNotPublic");
  if (alreadyLinked) return refuse.field("proposal", "reportComments.alreadyLinked");
  return null;
}
