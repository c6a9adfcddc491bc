import type { AuditAction } from "@/lib/audit/events";
import { isStaff, type Actor } from "@/lib/auth/actor";
import { refuse, type Refusal } from "@/lib/errors";
import type { SessionStatus } from "@/lib/generated/prisma/enums";

// Who may do what with review sessions: plain functions, deny by default. Commands call them
// before they touch the database and still scope their queries by the same rules.

export const SESSION_STATUSES: readonly SessionStatus[] = ["DRAFT", "OPEN_FOR_NOMINATIONS", "SPEAKERS_CONFIRMED", "HELD", "REPORT_PUBLISHED"];

/** Everyone reads these; a draft is for staff only (anyone else gets "not found"). */
export const PUBLIC_SESSION_STATUSES: SessionStatus[] = ["OPEN_FOR_NOMINATIONS", "SPEAKERS_CONFIRMED", "HELD", "REPORT_PUBLISHED"];

/** Once the slate is confirmed, the selected speakers appear on the session's page. */
export const SPEAKERS_PUBLIC_STATUSES: SessionStatus[] = ["SPEAKERS_CONFIRMED", "HELD", "REPORT_PUBLISHED"];

/** Staff edit a session until it is held; after that it is a record. */
export const EDITABLE_SESSION_STATUSES: SessionStatus[] = ["DRAFT", "OPEN_FOR_NOMINATIONS", "SPEAKERS_CONFIRMED"];

/** Participants register (and change or cancel their registration) while the session is ahead. */
export const REGISTRATION_STATUSES: SessionStatus[] = ["OPEN_FOR_NOMINATIONS", "SPEAKERS_CONFIRMED"];

/** The rapporteur's summary belongs to a session that took place. */
export const SUMMARY_STATUSES: SessionStatus[] = ["HELD", "REPORT_PUBLISHED"];

/** Sessions a proposal may be meant for (the proposal form's picker). */
export const PROPOSAL_TARGET_STATUSES: SessionStatus[] = ["OPEN_FOR_NOMINATIONS", "SPEAKERS_CONFIRMED"];

export const SESSION_ACTIONS = ["open", "confirmSpeakers", "markHeld", "publishSummary"] as const;
export type SessionAction = (typeof SESSION_ACTIONS)[number];

/**
 * The lifecycle: draft → open for nominations → speakers confirmed → held → report published.
 * No way back: once open, a session is public. `confirmSpeakers` is the nominations module's
 * (staff confirm the slate); `publishSummary` on a published report publishes a correction.
 */
export const sessionTransitions: Record<SessionAction, { from: readonly SessionStatus[]; to: SessionStatus }> = {
  open: { from: ["DRAFT"], to: "OPEN_FOR_NOMINATIONS" },
  confirmSpeakers: { from: ["OPEN_FOR_NOMINATIONS"], to: "SPEAKERS_CONFIRMED" },
  markHeld: { from: ["SPEAKERS_CONFIRMED"], to: "HELD" },
  publishSummary: { from: ["HELD", "REPORT_PUBLISHED"], to: "REPORT_PUBLISHED" },
};

/** The status a session moves to, or null when `action` is not allowed from `status`. */
export function nextSessionStatus(status: SessionStatus, action: SessionAction): SessionStatus | null {
  const rule = sessionTransitions[action];
  return rule && rule.from.includes(status) ? rule.to : null;
}

/** A change of state the session's status does not allow (someone else moved it first, a stale page). */
export const sessionTransitionRefusal = (status: SessionStatus, action: SessionAction): Refusal | null =>
  nextSessionStatus(status, action) ? null : refuse.conflict("sessions.wrongState");

export const canTransitionSession = (status: SessionStatus, action: SessionAction) => sessionTransitionRefusal(status, action) === null;

/** The public log entry each change of state writes. */
export const SESSION_AUDIT_ACTION = {
  open: "session.opened",
  confirmSpeakers: "session.speakers_confirmed",
  markHeld: "session.held",
  publishSummary: "session.report_published",
} as const satisfies Record<SessionAction, AuditAction>;

/** Staff (admins are staff) create, edit and run sessions. */
export const canManageSessions = (actor: Actor | null): actor is Actor => isStaff(actor);

/** Drafts are staff's; every other session is public. */
export const canSeeSession = (actor: Actor | null, session: { status: SessionStatus }) =>
  session.status !== "DRAFT" || canManageSessions(actor);

/** Held and published sessions are a record: no more edits. */
export const sessionEditRefusal = (status: SessionStatus): Refusal | null =>
  EDITABLE_SESSION_STATUSES.includes(status) ? null : refuse.conflict("sessions.notEditable");

export const isSessionEditable = (status: SessionStatus) => sessionEditRefusal(status) === null;

/** Committee members nominate while the session is open and its nomination deadline has not passed. */
export function isOpenForNominations(session: { status: SessionStatus; nominationDeadline: Date | null }, now = new Date()): boolean {
  return session.status === "OPEN_FOR_NOMINATIONS" && !!session.nominationDeadline && now < session.nominationDeadline;
}

/** Registration (and changing or cancelling it) is open while the session is ahead and has not ended. */
export function registrationRefusal(session: { status: SessionStatus; endsAt: Date }, now = new Date()): Refusal | null {
  return REGISTRATION_STATUSES.includes(session.status) && now < session.endsAt ? null : refuse.conflict("sessions.registrationClosed");
}

export const isRegistrationOpen = (session: { status: SessionStatus; endsAt: Date }, now = new Date()): boolean =>
  registrationRefusal(session, now) === null;

/** Any signed-in user may register (and change or cancel their own registration)... */
export const mayRegister = (actor: Actor | null): actor is Actor => !!actor;

/** ...for a session that takes registrations. */
export const canRegister = (actor: Actor | null, session: { status: SessionStatus; endsAt: Date }, now = new Date()): actor is Actor =>
  mayRegister(actor) && isRegistrationOpen(session, now);

/** The connection link is for the people registered and for staff, never for the open web. */
export const canSeeSessionLink = (actor: Actor | null, registered: boolean) => canManageSessions(actor) || (!!actor && registered);

/**
 * The opt-in participant list (name and organization) is for signed-in users only: people at
 * risk must not be exposed to the open web.
 */
export const canSeeParticipants = (actor: Actor | null): actor is Actor => !!actor;

/** Markdown summaries are shown once the session took place. */
export const showsSummary = (status: SessionStatus) => SUMMARY_STATUSES.includes(status);

/** Speakers are public once the slate is confirmed. */
export const showsSpeakers = (status: SessionStatus) => SPEAKERS_PUBLIC_STATUSES.includes(status);
