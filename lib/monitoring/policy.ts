import type { Actor } from "@/lib/auth/actor";
import { refuse, type Refusal } from "@/lib/errors";
import type { MonitoringCaseStatus, MonitoringSummaryStatus } from "@/lib/generated/prisma/enums";
import type { FileReportInput } from "./schemas";

// The reporter's side of monitoring: anyone may file, and whoever holds a receipt code may
// follow that one case. There is no other rule about who: the code is the right.

const startOfTodayUtc = (now: Date) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));

/**
 * Dates in the future are a typing mistake. Today is taken in UTC: every country of the region
 * is behind UTC, so the reporter's "today" is never refused.
 */
export function checkReportDates(input: Pick<FileReportInput, "occurredFrom" | "occurredTo">, now: Date): Refusal | null {
  const today = startOfTodayUtc(now);
  if (input.occurredFrom > today) return refuse.field("occurredFrom", "monitoring.futureDate");
  if (input.occurredTo && input.occurredTo > today) return refuse.field("occurredTo", "monitoring.futureDate");
  return null;
}

/** More links than a person gathers for one case reads as link spam. */
export const SPAM_LINKS = 6;
const LINK = /https?:\/\/|www\./gi;

/**
 * "Possible spam", for the reviewers' queue (never a refusal: a real report must never be
 * lost to a guess). The honeypot filled, or many links across the texts.
 */
export function looksLikeSpam(input: Pick<FileReportInput, "website" | "narrative" | "evidenceLinks" | "evidenceText" | "affected">): boolean {
  if (input.website) return true;
  const inText = [input.narrative, input.affected, input.evidenceText ?? ""].reduce((n, text) => n + (text.match(LINK)?.length ?? 0), 0);
  return inText + input.evidenceLinks.length >= SPAM_LINKS;
}

/** The receipt code matched no report: one answer for a wrong code, a malformed one and an empty one. */
export const noReport = (): Refusal => ({ kind: "not_found", key: "monitoring.noReport" });

/** A closed case takes no more answers (the page says so instead of showing the form). */
export function mayReply(report: { closedAt: Date | null }): Refusal | null {
  return report.closedAt ? refuse.conflict("monitoring.caseClosed") : null;
}

// ─── The reviewers' side ───

// Who may do what with monitoring cases and their public summaries (issue 13): plain functions of
// (actor, rows), deny by default. Commands refuse with these; pages show a control only when null.

/** How long a reviewer's lock on a case lasts; after that anyone may take it over. */
export const CASE_LOCK_MINUTES = 15;

/**
 * A reviewer holds MONITORING_REVIEWER and is still staff or a current committee member: the
 * role alone is not enough once a term ends. Staff and admins without the role see nothing.
 */
export const canReviewMonitoring = (actor: Actor | null): actor is Actor => !!actor?.isMonitoringReviewer && (actor.isStaff || !!actor.committeeTerm);

/** Who opened which report: the committee chair and admins (who need not be reviewers). */
export const canReadAccessLog = (actor: Actor | null): actor is Actor => !!actor && (actor.isAdmin || !!actor.committeeTerm?.isChair);

/** Which status may follow which. REFERRED only through referCase (it needs to whom). Closed ones may reopen. */
export const CASE_TRANSITIONS: Readonly<Record<MonitoringCaseStatus, readonly MonitoringCaseStatus[]>> = {
  RECEIVED: ["UNDER_REVIEW"],
  UNDER_REVIEW: ["VERIFIED", "NOT_VERIFIED", "DUPLICATE"],
  VERIFIED: [],
  NOT_VERIFIED: ["UNDER_REVIEW"],
  DUPLICATE: ["UNDER_REVIEW"],
  REFERRED: [],
};

/** A case in one of these is closed: closedAt is set and the contact retention clock runs. */
export const CLOSING_STATUSES: readonly MonitoringCaseStatus[] = ["NOT_VERIFIED", "DUPLICATE", "REFERRED"];

type CaseLock = { lockedById: string | null; lockedUntil: Date | null };

/** Someone else holds an unexpired lock: they are editing. */
export const lockedByOther = (actor: Actor, c: CaseLock, now: Date): boolean =>
  !!c.lockedById && c.lockedById !== actor.userId && !!c.lockedUntil && c.lockedUntil > now;

/** Any change to a case: refused while another reviewer holds the lock. */
export const editCaseRefusal = (actor: Actor, c: CaseLock, now: Date): Refusal | null =>
  lockedByOther(actor, c, now) ? refuse.conflict("monitoringReview.lockedByOther") : null;

/** Taking the lock: free, expired ("take over") or already one's own (extends it). */
export const lockRefusal = editCaseRefusal;

/** Releasing: only the holder of the lock. */
export const releaseRefusal = (actor: Actor, c: CaseLock): Refusal | null => (c.lockedById === actor.userId ? null : refuse.conflict("monitoringReview.notYourLock"));

export function transitionRefusal(actor: Actor, c: CaseLock & { status: MonitoringCaseStatus }, to: MonitoringCaseStatus, now: Date): Refusal | null {
  const locked = editCaseRefusal(actor, c, now);
  if (locked) return locked;
  return CASE_TRANSITIONS[c.status].includes(to) ? null : refuse.field("status", "monitoringReview.transitionNotAllowed");
}

/** A verified case is referred (to whom is recorded) only when the reporter allowed it. */
export function referRefusal(actor: Actor, c: CaseLock & { status: MonitoringCaseStatus; consentRefer: boolean }, now: Date): Refusal | null {
  const locked = editCaseRefusal(actor, c, now);
  if (locked) return locked;
  if (c.status !== "VERIFIED") return refuse.conflict("monitoringReview.referOnlyVerified");
  return c.consentRefer ? null : refuse.forbidden("monitoringReview.noReferConsent");
}

/** Messages go to the reporter's receipt page; none once the contact is erased (the case is long closed). */
export function messageRefusal(actor: Actor, c: CaseLock & { contactErasedAt: Date | null }, now: Date): Refusal | null {
  return editCaseRefusal(actor, c, now) ?? (c.contactErasedAt ? refuse.conflict("monitoringReview.caseErased") : null);
}

type SummaryState = { status: MonitoringSummaryStatus; writerId: string | null; approverId: string | null; approvedAt: Date | null };

/** A summary is written only about a verified (or referred) case, and not while it is public. */
export function writeSummaryRefusal(actor: Actor, c: CaseLock & { status: MonitoringCaseStatus }, summary: SummaryState | null, now: Date): Refusal | null {
  const locked = editCaseRefusal(actor, c, now);
  if (locked) return locked;
  if (c.status !== "VERIFIED" && c.status !== "REFERRED") return refuse.conflict("monitoringReview.summaryOnlyVerified");
  if (summary?.status === "PUBLISHED") return refuse.conflict("monitoringReview.summaryPublished");
  return null;
}

/** The answers of the retaliation-risk checklist: every question answered "no" (no risk). */
export const riskChecklistClear = (answers: Record<string, boolean>, questions: readonly string[]): boolean =>
  questions.every((q) => answers[q] === false);

export function submitSummaryRefusal(summary: SummaryState & { riskChecklist: Record<string, boolean> }, questions: readonly string[]): Refusal | null {
  if (summary.status !== "DRAFT") return refuse.conflict("monitoringReview.summaryNotDraft");
  return riskChecklistClear(summary.riskChecklist, questions) ? null : refuse.conflict("monitoringReview.riskNotClear");
}

/** The two-person rule: only a summary awaiting approval, never by its writer (a CHECK refuses it too). */
export function approveSummaryRefusal(actor: Actor | null, summary: SummaryState | null): Refusal | null {
  if (!canReviewMonitoring(actor)) return refuse.forbidden();
  if (!summary) return refuse.notFound();
  if (summary.status !== "AWAITING_APPROVAL" || summary.approvedAt) return refuse.conflict("monitoringReview.summaryNotAwaiting");
  if (!summary.writerId || summary.writerId === actor.userId) return refuse.forbidden("monitoringReview.ownSummary");
  return null;
}

/**
 * Publishing is its own right, separate from writing: any reviewer but the writer, only an
 * approved summary, and only when the reporter consented to publication.
 */
export function publishRefusal(actor: Actor | null, summary: SummaryState | null, report: { consentPublish: boolean } | null): Refusal | null {
  if (!canReviewMonitoring(actor)) return refuse.forbidden();
  if (!summary || !report) return refuse.notFound();
  if (summary.status !== "AWAITING_APPROVAL" || !summary.approvedAt || !summary.approverId) return refuse.conflict("monitoringReview.summaryNotApproved");
  if (summary.writerId === actor.userId) return refuse.forbidden("monitoringReview.ownSummary");
  return report.consentPublish ? null : refuse.forbidden("monitoringReview.noPublishConsent");
}

export const withdrawRefusal = (summary: SummaryState): Refusal | null =>
  summary.status === "PUBLISHED" ? null : refuse.conflict("monitoringReview.summaryNotPublished");
