import { isCommitteeMember, isStaff, type Actor } from "@/lib/auth/actor";
import type { ReportVersionStatus } from "@/lib/generated/prisma/enums";

// Who may do what with report versions: plain functions, deny by default. Commands call them
// before touching the database and still scope their queries by the same rules.

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

/** The versions a later one supersedes when it opens or is final: earlier ones open or closed. */
export const supersededBy = (number: number) => ({ number: { lt: number }, status: { in: ["OPEN", "CLOSED"] satisfies ReportVersionStatus[] } });

export const canApplyReportAction = (status: ReportVersionStatus, action: ReportAction) => reportTransitions[action].from.includes(status);

/** The status after `action`, or null when it is not allowed from `status` (an effective status). */
export function nextReportStatus(status: ReportVersionStatus, action: ReportAction): ReportVersionStatus | null {
  if (!canApplyReportAction(status, action)) return null;
  return reportTransitions[action].to ?? status;
}

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
