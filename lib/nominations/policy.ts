import { isCommitteeMember, isStaff, type Actor } from "@/lib/auth/actor";
import type { NominationStatus, SelectionMode, SessionStatus } from "@/lib/generated/prisma/enums";
import { isOpenForNominations } from "@/lib/sessions/policy";

// Who may do what with nominations: plain functions of (actor, resource), deny by default.
// Commands call them before they touch the database and check again inside their transaction.

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

/**
 * What the actor may do with one nomination on the committee's page (the commands check the
 * same things). `recused` explains why the endorse and select buttons are missing.
 */
export function nominationAbilities(
  actor: Actor | null,
  own: OwnOrganizations,
  context: {
    session: { status: SessionStatus; startsAt: Date };
    /** The mode for this nomination (effectiveSelectionMode). */
    mode: SelectionMode;
    now?: Date;
  },
  nomination: NomineeOrganization & {
    status: NominationStatus;
    invitationExpiresAt: Date | null;
    nominatedById: string | null;
    nomineeUserId: string | null;
    endorsedByActor: boolean;
    votedByActor: boolean;
  },
) {
  const now = context.now ?? new Date();
  const status = effectiveStatus(nomination, now);
  const member = canActOnNominations(actor);
  const open = isSlateOpen(context.session);
  const recused = member && isRecused(own, nomination);
  const decides = member && !recused && open;
  const chairDecides = context.mode === "CHAIR";
  const beforeSession = now < context.session.startsAt;
  return {
    status,
    recused,
    ownNomination: member && nomination.nominatedById === actor.userId,
    endorse: decides && nomination.nominatedById !== actor.userId && !nomination.endorsedByActor && canTransitionNomination(status, "endorse"),
    removeEndorsement: member && open && nomination.endorsedByActor,
    invite: member && open && beforeSession && canTransitionNomination(status, "invite"),
    select: decides && canTransitionNomination(status, "select") && (chairDecides ? isChair(actor) : !nomination.votedByActor),
    /** In two-member mode: this member already voted and waits for a second one. */
    voted: nomination.votedByActor && status === "ACCEPTED" && !chairDecides,
    unselect: decides && canTransitionNomination(status, "unselect") && (chairDecides ? isChair(actor) : true),
    withdraw: beforeSession && canTransitionNomination(status, "withdraw") && canWithdrawAs(actor, nomination) !== null,
  };
}

/**
 * Who the actor withdraws a nomination as, signed in: the nominee themself, staff, the chair,
 * or the committee member who nominated; null when they may not.
 */
export function canWithdrawAs(
  actor: Actor | null,
  nomination: { nominatedById: string | null; nomineeUserId: string | null },
): "nominee" | "staff" | "chair" | "nominator" | null {
  if (!actor) return null;
  if (nomination.nomineeUserId === actor.userId) return "nominee";
  if (actor.isStaff) return "staff";
  if (actor.committeeTerm?.isChair) return "chair";
  if (actor.committeeTerm && nomination.nominatedById === actor.userId) return "nominator";
  return null;
}
