import { isCommitteeMember, isStaff, type Actor } from "@/lib/auth/actor";
import { refuse, type Refusal } from "@/lib/errors";
import type { NominationStatus, SelectionMode, SessionStatus, SpeakerRole } from "@/lib/generated/prisma/enums";
import { isOpenForNominations } from "@/lib/sessions/policy";

// Who may do what with nominations: plain functions of (actor, resource), deny by default.
// Commands call them over what they read inside their transaction; pages call the same ones.

export const NOMINATION_STATUSES: readonly NominationStatus[] = [
  "PROPOSED",
  "INVITED",
  "ACCEPTED",
  "DECLINED",
  "EXPIRED",
  "SELECTED",
  "NOT_SELECTED",
  "WITHDRAWN",
];

/**
 * Every action on one nomination. `endorse` moves nothing (it is allowed where the table maps a
 * state to itself); `confirm` is what staff confirming the slate does to each nomination of the
 * session (a state it leaves alone has no entry).
 */
export const NOMINATION_ACTIONS = ["invite", "accept", "decline", "expire", "select", "unselect", "withdraw", "endorse", "confirm"] as const;
export type NominationAction = (typeof NOMINATION_ACTIONS)[number];

const TRANSITIONS: Record<NominationAction, Partial<Record<NominationStatus, NominationStatus>>> = {
  // A new personal link: for a nomination not yet invited, or whose invitation expired.
  invite: { PROPOSED: "INVITED", EXPIRED: "INVITED" },
  accept: { INVITED: "ACCEPTED" },
  decline: { INVITED: "DECLINED" },
  expire: { INVITED: "EXPIRED" },
  select: { ACCEPTED: "SELECTED" },
  unselect: { SELECTED: "ACCEPTED" },
  // At any time before the session, except once it is over for the nominee.
  withdraw: { PROPOSED: "WITHDRAWN", INVITED: "WITHDRAWN", ACCEPTED: "WITHDRAWN", EXPIRED: "WITHDRAWN", SELECTED: "WITHDRAWN" },
  // Nominations still in play.
  endorse: { PROPOSED: "PROPOSED", INVITED: "INVITED", ACCEPTED: "ACCEPTED", SELECTED: "SELECTED" },
  confirm: { PROPOSED: "EXPIRED", INVITED: "EXPIRED", ACCEPTED: "NOT_SELECTED", SELECTED: "SELECTED" },
};

/** The status a nomination moves to, or null when `action` is not allowed from `status`. */
export function nextNominationStatus(status: NominationStatus, action: NominationAction): NominationStatus | null {
  return TRANSITIONS[action]?.[status] ?? null;
}

export const canTransitionNomination = (status: NominationStatus, action: NominationAction) => nextNominationStatus(status, action) !== null;

/**
 * An invitation whose link has run out is expired, whether or not a command has stored it yet:
 * pages and commands read the status through this.
 */
export function effectiveStatus(
  nomination: { status: NominationStatus; invitationExpiresAt: Date | null },
  now = new Date(),
): NominationStatus {
  if (nomination.status === "INVITED" && nomination.invitationExpiresAt && nomination.invitationExpiresAt <= now) return "EXPIRED";
  return nomination.status;
}

// ─── The session ───────────────────────────────────────────────────────────────────────────

type SessionState = { status: SessionStatus; nominationDeadline: Date | null; startsAt?: Date };

/** Nominations are taken while the session is open for them and its nomination deadline has not passed (the sessions module's rule). */
export const isSessionOpenForNominations = (session: SessionState, now = new Date()): boolean => isOpenForNominations(session, now);

/** Endorsing, selecting and inviting go on after the nomination deadline, until staff confirm the slate. */
export const isSlateOpen = (session: { status: SessionStatus }) => session.status === "OPEN_FOR_NOMINATIONS";

/** The committee's workspace shows sessions still being decided and those whose speakers were just confirmed. */
export const WORKSPACE_SESSION_STATUSES: readonly SessionStatus[] = ["OPEN_FOR_NOMINATIONS", "SPEAKERS_CONFIRMED"];

/** Days an invitation link works (never after the session starts). */
export const INVITATION_TTL_DAYS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;

/** When a new invitation link stops working: in 14 days, or when the session starts if sooner. */
export function invitationExpiry(session: { startsAt: Date }, now = new Date()): Date {
  const inTwoWeeks = new Date(now.getTime() + INVITATION_TTL_DAYS * DAY_MS);
  return inTwoWeeks < session.startsAt ? inTwoWeeks : session.startsAt;
}

// ─── Who ───────────────────────────────────────────────────────────────────────────────────

/** Committee members with an active term nominate, invite, endorse, vote, select and unselect. */
export const canActOnNominations = (actor: Actor | null): actor is Actor => isCommitteeMember(actor);

/** Staff confirm the slate. */
export const canConfirmSlate = (actor: Actor | null): actor is Actor => isStaff(actor);

/** The chair or staff decide whether the chair selects or any two members together. */
export const canSetSelectionMode = (actor: Actor | null): actor is Actor => isChair(actor) || isStaff(actor);

/** Committee members and staff see the committee's pages (and the private data on them). */
export const canSeeCommitteeWorkspace = (actor: Actor | null): actor is Actor => isCommitteeMember(actor) || isStaff(actor);

export const isChair = (actor: Actor | null): actor is Actor => !!actor?.committeeTerm?.isChair;

// ─── Recusal ───────────────────────────────────────────────────────────────────────────────

/** The organizations a person speaks for: ids, and names (lower case) to compare with an organization typed by hand. */
export type OwnOrganizations = { ids: ReadonlySet<string>; names: ReadonlySet<string> };

const normalizeName = (name: string) => name.trim().replace(/\s+/g, " ").toLocaleLowerCase("und");

/** Own organizations from their ids and names (empty ones are skipped). */
export function organizationsOf(parts: { ids: readonly (string | null | undefined)[]; names: readonly (string | null | undefined)[] }): OwnOrganizations {
  return {
    ids: new Set(parts.ids.filter((id): id is string => !!id)),
    names: new Set(parts.names.filter((name): name is string => !!name && name.trim() !== "").map(normalizeName)),
  };
}

/**
 * The actor's own organizations: the one their committee term represents and every one they
 * are a member of. `termOrganizationName` is the name of the term's organization (the actor
 * carries only its id).
 */
export function ownOrganizations(actor: Actor | null, termOrganizationName?: string | null): OwnOrganizations {
  const memberships = actor?.memberships ?? [];
  return organizationsOf({
    ids: [actor?.committeeTerm?.organizationId, ...memberships.map((m) => m.organizationId)],
    names: [termOrganizationName, ...memberships.map((m) => m.organizationName)],
  });
}

type NomineeOrganization = { nomineeOrganizationId: string | null; nomineeOrganizationName: string | null };

/**
 * A committee member is recused from a nomination when the nominee is from their own
 * organization: the same organization in Puente, or, for a nominee without an account, an
 * organization typed with the same name (case and spacing ignored).
 */
export function isRecused(own: OwnOrganizations, nomination: NomineeOrganization): boolean {
  if (nomination.nomineeOrganizationId) return own.ids.has(nomination.nomineeOrganizationId);
  if (nomination.nomineeOrganizationName) return own.names.has(normalizeName(nomination.nomineeOrganizationName));
  return false;
}

// ─── Selecting ─────────────────────────────────────────────────────────────────────────────

/**
 * How a nomination is selected: by the chair alone in CHAIR mode, unless every chair is recused
 * from it, and then, as in TWO_MEMBERS mode, by the votes of two different members.
 */
export function effectiveSelectionMode(mode: SelectionMode, chairAvailable: boolean): SelectionMode {
  return mode === "CHAIR" && chairAvailable ? "CHAIR" : "TWO_MEMBERS";
}

/** Votes needed in two-member mode. */
export const VOTES_TO_SELECT = 2;

/** The chair selects alone only a nomination at least one active chair is not recused from. */
export const chairAvailableFor = (chairs: readonly OwnOrganizations[], nomination: NomineeOrganization) =>
  chairs.some((own) => !isRecused(own, nomination));

/** The seats a session has for a role. */
export const seatsFor = (session: { panelistSeats: number; rapporteurSeats: number; moderatorSeats: number }, role: SpeakerRole) =>
  role === "PANELIST" ? session.panelistSeats : role === "RAPPORTEUR" ? session.rapporteurSeats : session.moderatorSeats;

// ─── The decisions ─────────────────────────────────────────────────────────────────────────
// One function per decision, returning why not (or null). The command calls it over what it
// read inside its transaction; the committee's page calls it to decide which buttons to show.

type SessionFacts = { status: SessionStatus; startsAt: Date };
type NominationFacts = NomineeOrganization & {
  status: NominationStatus;
  invitationExpiresAt: Date | null;
  nominatedById: string | null;
  nomineeUserId: string | null;
};

const slateClosed = (): Refusal => refuse.conflict("nominations.slateClosed");
const wrongState = (): Refusal => refuse.conflict("nominations.wrongState");
const recused = (): Refusal => refuse.forbidden("nominations.recused");

/** The one message for a personal link that does not work: unknown, used, expired, or for something else. */
export const linkInvalid = (): Refusal => refuse.conflict("nominations.linkInvalid");

/** `action` is not allowed from the nomination's effective status. */
const stateRefusal = (n: NominationFacts, action: NominationAction, now: Date): Refusal | null =>
  canTransitionNomination(effectiveStatus(n, now), action) ? null : wrongState();

/** Nominating into a session (and, with a role, into that role). */
export function nominateRefusal(
  actor: Actor | null,
  session: SessionState & { panelistSeats: number; rapporteurSeats: number; moderatorSeats: number },
  now: Date,
  role?: SpeakerRole,
): Refusal | null {
  if (!canActOnNominations(actor)) return refuse.forbidden();
  if (!isSessionOpenForNominations(session, now)) return refuse.conflict("nominations.sessionClosed");
  if (role && seatsFor(session, role) <= 0) return refuse.field("role", "nominations.roleHasNoSeats");
  return null;
}

/**
 * The person nominated: found (a member of a verified organization, through it), not opted out
 * of the session, and not already nominated for the role while that nomination is in play.
 */
export function nomineeRefusal(facts: { found: boolean; optedOut: boolean; alreadyNominated: boolean }): Refusal | null {
  if (!facts.found) return refuse.field("member", "nominations.memberNotFound");
  if (facts.optedOut) return refuse.conflict("nominations.optedOut");
  if (facts.alreadyNominated) return refuse.conflict("nominations.alreadyNominated");
  return null;
}

/** Sending a (new) personal link. `optedOut`: the nominee asked not to be nominated again for the session. */
export function inviteRefusal(actor: Actor | null, session: SessionFacts, n: NominationFacts, now: Date, optedOut = false): Refusal | null {
  if (!canActOnNominations(actor)) return refuse.forbidden();
  if (!isSlateOpen(session)) return slateClosed();
  const state = stateRefusal(n, "invite", now);
  if (state) return state;
  if (now >= session.startsAt) return refuse.conflict("nominations.sessionStarted");
  if (optedOut) return refuse.conflict("nominations.optedOut");
  return null;
}

/** Endorsing: another committee member, not recused, while the nomination is in play. */
export function endorseRefusal(actor: Actor | null, own: OwnOrganizations, session: SessionFacts, n: NominationFacts, now: Date): Refusal | null {
  if (!canActOnNominations(actor)) return refuse.forbidden();
  if (isRecused(own, n)) return recused();
  if (n.nominatedById === actor.userId) return refuse.forbidden("nominations.ownNomination");
  if (!isSlateOpen(session)) return slateClosed();
  return stateRefusal(n, "endorse", now);
}

/** Taking an endorsement back, until the slate is confirmed. */
export function removeEndorsementRefusal(actor: Actor | null, session: SessionFacts): Refusal | null {
  if (!canActOnNominations(actor)) return refuse.forbidden();
  return isSlateOpen(session) ? null : slateClosed();
}

/** How the nomination is selected and where the actor stands. */
export type SelectionFacts = {
  /** The effective mode for this nomination (effectiveSelectionMode). */
  mode: SelectionMode;
  votedByActor: boolean;
  /** The nomination's role has no seat left. */
  roleFull: boolean;
};

/** Selecting, or in two-member mode voting: by the chair alone or by two different members, never recused, within the seats. */
export function selectRefusal(
  actor: Actor | null,
  own: OwnOrganizations,
  session: SessionFacts,
  n: NominationFacts,
  facts: SelectionFacts,
  now: Date,
): Refusal | null {
  if (!canActOnNominations(actor)) return refuse.forbidden();
  if (isRecused(own, n)) return recused();
  if (!isSlateOpen(session)) return slateClosed();
  const state = stateRefusal(n, "select", now);
  if (state) return state;
  if (facts.mode === "CHAIR" && !isChair(actor)) return refuse.forbidden("nominations.chairOnly");
  if (facts.mode === "TWO_MEMBERS" && facts.votedByActor) return refuse.conflict("nominations.alreadyVoted");
  if (facts.roleFull) return refuse.conflict("nominations.seatsFull");
  return null;
}

/** Unselecting: the chair in CHAIR mode, any member not recused in two-member mode. */
export function unselectRefusal(actor: Actor | null, own: OwnOrganizations, session: SessionFacts, n: NominationFacts, mode: SelectionMode, now: Date): Refusal | null {
  if (!canActOnNominations(actor)) return refuse.forbidden();
  if (isRecused(own, n)) return recused();
  if (!isSlateOpen(session)) return slateClosed();
  const state = stateRefusal(n, "unselect", now);
  if (state) return state;
  if (mode === "CHAIR" && !isChair(actor)) return refuse.forbidden("nominations.chairOnly");
  return null;
}

/** Changing how a session's nominees are selected, until the slate is confirmed. */
export function setSelectionModeRefusal(actor: Actor | null, session: { status: SessionStatus }): Refusal | null {
  if (!canSetSelectionMode(actor)) return refuse.forbidden();
  return isSlateOpen(session) ? null : slateClosed();
}

/** Confirming the slate: staff, once, with at least one selected speaker. */
export function confirmSlateRefusal(actor: Actor | null, session: { status: SessionStatus }, selectedCount: number): Refusal | null {
  if (!canConfirmSlate(actor)) return refuse.forbidden();
  if (!isSlateOpen(session)) return slateClosed();
  return selectedCount > 0 ? null : refuse.conflict("nominations.emptySlate");
}

export type WithdrawnBy = "nominee" | "nominator" | "chair" | "staff";

/**
 * Who the actor withdraws a nomination as, signed in: the nominee themself, staff, the chair,
 * or the committee member who nominated; null when they may not.
 */
export function canWithdrawAs(actor: Actor | null, nomination: { nominatedById: string | null; nomineeUserId: string | null }): WithdrawnBy | null {
  if (!actor) return null;
  if (nomination.nomineeUserId === actor.userId) return "nominee";
  if (actor.isStaff) return "staff";
  if (actor.committeeTerm?.isChair) return "chair";
  if (actor.committeeTerm && nomination.nominatedById === actor.userId) return "nominator";
  return null;
}

/** Withdrawing before the session starts, as `by` (canWithdrawAs, or "nominee" for the WITHDRAW link). */
export function withdrawRefusal(
  by: WithdrawnBy | null,
  session: { startsAt: Date },
  n: { status: NominationStatus; invitationExpiresAt: Date | null },
  now: Date,
): Refusal | null {
  if (!by) return refuse.forbidden("nominations.cannotWithdraw");
  if (now >= session.startsAt) return refuse.conflict("nominations.sessionStarted");
  return canTransitionNomination(effectiveStatus(n, now), "withdraw") ? null : wrongState();
}

/** Answering an invitation through the RESPOND link: any refusal reads as the one "link no longer works". */
export function respondRefusal(session: SessionFacts, n: { status: NominationStatus; invitationExpiresAt: Date | null }, response: "accept" | "decline", now: Date): Refusal | null {
  if (!isSlateOpen(session) || now >= session.startsAt) return linkInvalid();
  return canTransitionNomination(effectiveStatus(n, now), response) ? null : linkInvalid();
}

/** A personal link's token row: of this purpose, unused and not expired. */
export function tokenRefusal(
  row: { purpose: "RESPOND" | "WITHDRAW"; usedAt: Date | null; expiresAt: Date } | null,
  purpose: "RESPOND" | "WITHDRAW",
  now: Date,
): Refusal | null {
  return !row || row.purpose !== purpose || row.usedAt || row.expiresAt <= now ? linkInvalid() : null;
}

/**
 * What the actor may do with one nomination on the committee's page, each from the command's
 * own decision above. `recused` explains why the endorse and select buttons are missing.
 */
export function nominationAbilities(
  actor: Actor | null,
  own: OwnOrganizations,
  context: { session: SessionFacts; mode: SelectionMode; roleFull: boolean; now: Date },
  nomination: NominationFacts & { endorsedByActor: boolean; votedByActor: boolean },
) {
  const { session, mode, roleFull, now } = context;
  const n = nomination;
  const status = effectiveStatus(n, now);
  const member = canActOnNominations(actor);
  return {
    status,
    recused: member && isRecused(own, n),
    ownNomination: member && n.nominatedById === actor.userId,
    endorse: !n.endorsedByActor && endorseRefusal(actor, own, session, n, now) === null,
    removeEndorsement: n.endorsedByActor && removeEndorsementRefusal(actor, session) === null,
    invite: inviteRefusal(actor, session, n, now) === null,
    select: selectRefusal(actor, own, session, n, { mode, votedByActor: n.votedByActor, roleFull }, now) === null,
    /** In two-member mode: this member already voted and waits for a second one. */
    voted: n.votedByActor && status === "ACCEPTED" && mode === "TWO_MEMBERS",
    unselect: unselectRefusal(actor, own, session, n, mode, now) === null,
    withdraw: withdrawRefusal(canWithdrawAs(actor, n), session, n, now) === null,
  };
}
