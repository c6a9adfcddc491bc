import { isCommitteeMember, isStaff, membershipIn, type Actor } from "@/lib/auth/actor";
import type { OrganizationStatus, ProposalStatus } from "@/lib/generated/prisma/enums";
import { OPEN_STATUSES } from "./visibility";

// Who may do what with proposals: plain functions of (actor, resource), deny by default.
// Commands call them before they touch the database and still scope their queries by the same rights.

export const PROPOSAL_STATUSES: readonly ProposalStatus[] = [
  "DRAFT",
  "SUBMITTED",
  "UNDER_REVIEW",
  "ACCEPTED",
  "NOT_RETAINED",
  "INCORPORATED",
  "WITHDRAWN",
];

export const PROPOSAL_ACTIONS = ["submit", "withdraw", "startReview", "accept", "notRetain", "incorporate"] as const;
export type ProposalAction = (typeof PROPOSAL_ACTIONS)[number];

/**
 * The lifecycle: draft → submitted → under review → accepted | not retained; accepted →
 * incorporated; submitted or under review → withdrawn (before a decision). Nothing else.
 */
const TRANSITIONS: Record<ProposalAction, { from: readonly ProposalStatus[]; to: ProposalStatus }> = {
  submit: { from: ["DRAFT"], to: "SUBMITTED" },
  withdraw: { from: OPEN_STATUSES, to: "WITHDRAWN" },
  startReview: { from: ["SUBMITTED"], to: "UNDER_REVIEW" },
  accept: { from: ["UNDER_REVIEW"], to: "ACCEPTED" },
  notRetain: { from: ["UNDER_REVIEW"], to: "NOT_RETAINED" },
  incorporate: { from: ["ACCEPTED"], to: "INCORPORATED" },
};

/** The status a proposal moves to, or null when `action` is not allowed from `status`. */
export function nextProposalStatus(status: ProposalStatus, action: ProposalAction): ProposalStatus | null {
  const rule = TRANSITIONS[action];
  return rule && rule.from.includes(status) ? rule.to : null;
}

export const canTransitionProposal = (status: ProposalStatus, action: ProposalAction) => nextProposalStatus(status, action) !== null;

/** The audit action written for each transition (public: they form the proposal's history). */
export const PROPOSAL_AUDIT_ACTION: Record<ProposalAction, string> = {
  submit: "proposal.submitted",
  withdraw: "proposal.withdrawn",
  startReview: "proposal.review_started",
  accept: "proposal.accepted",
  notRetain: "proposal.not_retained",
  incorporate: "proposal.incorporated",
};

/** Which side of the table takes each action: the authors or the reviewers. */
export const AUTHOR_ACTIONS: readonly ProposalAction[] = ["submit", "withdraw"];
export const REVIEW_ACTIONS: readonly ProposalAction[] = ["startReview", "accept", "notRetain", "incorporate"];

/** Organizations the actor submits, co-sponsors and comments for: verified ones only. */
export const verifiedOrganizationIds = (actor: Actor | null): string[] =>
  actor?.memberships.filter((m) => organizationSubmits(m.organizationStatus)).map((m) => m.organizationId) ?? [];

/**
 * Organizations whose members write and edit drafts: verified ones, and pending ones, so a new
 * organization prepares its proposals while staff verify it. Suspended or rejected: no drafts.
 */
export const DRAFTING_ORGANIZATION_STATUSES: readonly OrganizationStatus[] = ["VERIFIED", "PENDING"];

/** The rules on an organization's state, for commands that read it fresh in their transaction. */
export const organizationWritesDrafts = (status: OrganizationStatus) => DRAFTING_ORGANIZATION_STATUSES.includes(status);
export const organizationSubmits = (status: OrganizationStatus) => status === "VERIFIED";

/** Organizations whose drafts the actor writes and edits. */
export const draftingOrganizationIds = (actor: Actor | null): string[] =>
  actor?.memberships.filter((m) => organizationWritesDrafts(m.organizationStatus)).map((m) => m.organizationId) ?? [];

/** Organizations whose proposals (drafts included) the actor reads, submits and withdraws. */
export const memberOrganizationIds = (actor: Actor | null): string[] => actor?.memberships.map((m) => m.organizationId) ?? [];

/** A member of a verified or pending organization writes drafts on its behalf. */
export const canCreateProposal = (actor: Actor | null): actor is Actor => draftingOrganizationIds(actor).length > 0;

/** Submitting makes a proposal public: only for a verified organization. */
export const canSubmitFor = (actor: Actor | null, proposal: { organizationId: string }): actor is Actor =>
  verifiedOrganizationIds(actor).includes(proposal.organizationId);

/** Drafts are edited by members of the authoring organization while it is verified or pending. */
export const canEditDraftsOf = (actor: Actor | null, proposal: { organizationId: string }): actor is Actor =>
  draftingOrganizationIds(actor).includes(proposal.organizationId);

/** Any member of the authoring organization (whatever its state) reads its drafts and withdraws. */
export const isAuthorMember = (actor: Actor | null, proposal: { organizationId: string }): actor is Actor =>
  !!membershipIn(actor, proposal.organizationId);

/** Committee members with an active term and staff (admins are staff) move proposals through review. */
export const canReviewProposals = (actor: Actor | null): actor is Actor => isCommitteeMember(actor) || isStaff(actor);

/**
 * A reviewer may not decide on a proposal of their own organization: the one their committee
 * term represents, or any organization they are a member of (staff included).
 */
export function hasConflictOfInterest(actor: Actor | null, proposal: { organizationId: string }): boolean {
  if (!actor) return false;
  return actor.committeeTerm?.organizationId === proposal.organizationId || !!membershipIn(actor, proposal.organizationId);
}

/** A reviewer without a conflict of interest on this proposal. */
export const canReviewProposal = (actor: Actor | null, proposal: { organizationId: string }): actor is Actor =>
  canReviewProposals(actor) && !hasConflictOfInterest(actor, proposal);

/** The organizations the actor may co-sponsor this proposal for: their verified ones, except the author. */
export const cosponsorOrganizationIds = (actor: Actor | null, proposal: { organizationId: string }): string[] =>
  verifiedOrganizationIds(actor).filter((id) => id !== proposal.organizationId);

/** Co-sponsors join and leave while the review is open (before a decision). */
export const isOpenForCosponsors = (status: ProposalStatus) => OPEN_STATUSES.includes(status);

/** What the actor may do with a proposal they can see; the page shows exactly these buttons. */
export function proposalAbilities(actor: Actor | null, proposal: { organizationId: string; status: ProposalStatus }) {
  const author = isAuthorMember(actor, proposal);
  // Pending organizations write drafts but submit them once verified; suspended ones only read them.
  const verifiedAuthor = canSubmitFor(actor, proposal);
  const reviewer = canReviewProposals(actor);
  const conflicted = reviewer && hasConflictOfInterest(actor, proposal);
  const review = reviewer && !conflicted;
  return {
    edit: canEditDraftsOf(actor, proposal) && proposal.status === "DRAFT",
    submit: verifiedAuthor && canTransitionProposal(proposal.status, "submit"),
    submitBlocked: author && !verifiedAuthor && canTransitionProposal(proposal.status, "submit"),
    withdraw: author && canTransitionProposal(proposal.status, "withdraw"),
    startReview: review && canTransitionProposal(proposal.status, "startReview"),
    answer: review && canTransitionProposal(proposal.status, "accept"),
    incorporate: review && canTransitionProposal(proposal.status, "incorporate"),
    cosponsorAs: isOpenForCosponsors(proposal.status) ? cosponsorOrganizationIds(actor, proposal) : [],
    /** A reviewer who would act here if the proposal were not their own organization's. */
    conflicted: conflicted && proposal.status !== "DRAFT" && REVIEW_ACTIONS.some((a) => canTransitionProposal(proposal.status, a)),
  };
}
