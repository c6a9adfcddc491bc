import { isCommitteeMember, isStaff, membershipIn, type Actor } from "@/lib/auth/actor";
import type { AuditAction } from "@/lib/audit/events";
import { refuse, type Refusal } from "@/lib/errors";
import type { Locale, OrganizationStatus, ProposalStatus } from "@/lib/generated/prisma/enums";
import { answerField, type ProposalAnswer } from "./schemas";
import { OPEN_STATUSES } from "./visibility";

// Who may do what with proposals and their discussion: plain functions of (actor, resource),
// deny by default. A decision is one function returning the refusal (or null): the command
// refuses with it, the page shows the button only when it is null.

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
export const PROPOSAL_AUDIT_ACTION = {
  submit: "proposal.submitted",
  withdraw: "proposal.withdrawn",
  startReview: "proposal.review_started",
  accept: "proposal.accepted",
  notRetain: "proposal.not_retained",
  incorporate: "proposal.incorporated",
} as const satisfies Record<ProposalAction, AuditAction>;

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

// ─── Decisions: the refusal, or null ──────────────────────────────────────────────────────

const byAuthors = (action: ProposalAction) => AUTHOR_ACTIONS.includes(action);

/** The organization a new draft is written for: the one named if the actor drafts for it, else their only one. */
export function authoringOrganization(actor: Actor | null, requested: string | undefined): string | undefined {
  const drafting = draftingOrganizationIds(actor);
  if (requested === undefined) return drafting.length === 1 ? drafting[0] : undefined;
  return drafting.includes(requested) ? requested : undefined;
}

/** Writing a new draft: a member of an organization that writes drafts, for one of those. */
export function createRefusal(actor: Actor | null, requested?: string): Refusal | null {
  if (!canCreateProposal(actor)) return refuse.forbidden("proposals.noDraftingOrganization");
  return authoringOrganization(actor, requested) ? null : refuse.field("organizationId", "proposals.chooseOrganization");
}

/** The organization, read fresh when the draft is written: it may have been suspended since the page loaded. */
export const draftingOrganizationRefusal = (organization: { status: OrganizationStatus } | null): Refusal | null =>
  organization && organizationWritesDrafts(organization.status) ? null : refuse.forbidden("proposals.noDraftingOrganization");

/** The same form posted again hands back the proposal it created, only to its author and for the same organization. */
export const replayRefusal = (actor: Actor, existing: { organizationId: string; authorId: string | null }, organizationId: string): Refusal | null =>
  existing.organizationId === organizationId && existing.authorId === actor.userId ? null : refuse.conflict("proposals.duplicateKey");

/** Editing, submitting and withdrawing are for members of some organization (which one: the proposal decides). */
export const authorRefusal = (actor: Actor | null): Refusal | null => (memberOrganizationIds(actor).length > 0 ? null : refuse.forbidden());

/** Who may take `action` at all, before the proposal is read: its authors, or reviewers. */
export const proposalActionRefusal = (actor: Actor | null, action: ProposalAction): Refusal | null =>
  byAuthors(action) ? authorRefusal(actor) : canReviewProposals(actor) ? null : refuse.forbidden();

/** A proposal as the decisions about it need it: `organizationStatus` is its organization's state now. */
export type ProposalFacts = { organizationId: string; status: ProposalStatus; organizationStatus: OrganizationStatus };

/**
 * Whether `action` may happen to this proposal, read with the actor's rights: a reviewer never
 * decides on their own organization's proposal, the state machine allows the step, and only a
 * verified organization's draft is submitted.
 */
export function transitionRefusal(actor: Actor | null, proposal: ProposalFacts, action: ProposalAction): Refusal | null {
  if (!byAuthors(action) && hasConflictOfInterest(actor, proposal)) return refuse.forbidden("proposals.conflictOfInterest");
  if (!canTransitionProposal(proposal.status, action)) return refuse.conflict("proposals.illegalTransition");
  if (action === "submit" && !organizationSubmits(proposal.organizationStatus)) return refuse.forbidden("proposals.organizationNotVerified");
  return null;
}

/** The answer is public and must be readable in the language the proposal was written in. */
export const answerRefusal = (language: Locale, answer: ProposalAnswer): Refusal | null =>
  answer[language] ? null : refuse.field(answerField(language), "proposals.answerRequiredInLanguage");

/** A draft changes while it is a draft and its organization writes drafts. */
export function editDraftRefusal(proposal: ProposalFacts): Refusal | null {
  if (proposal.status !== "DRAFT") return refuse.conflict("proposals.notEditable");
  return draftingOrganizationRefusal({ status: proposal.organizationStatus });
}

/** Co-sponsoring is for members of a verified organization. */
export const cosponsorerRefusal = (actor: Actor | null): Refusal | null =>
  verifiedOrganizationIds(actor).length > 0 ? null : refuse.forbidden("proposals.noVerifiedOrganization");

/**
 * Co-sponsoring `proposal` for `organizationId` (undefined: the actor's only eligible one): another
 * verified organization of the actor's, while the review is open.
 */
export function cosponsorRefusal(actor: Actor | null, proposal: Omit<ProposalFacts, "organizationStatus">, organizationId: string | undefined): Refusal | null {
  const eligible = cosponsorOrganizationIds(actor, proposal);
  if (organizationId === proposal.organizationId || eligible.length === 0) return refuse.forbidden("proposals.cannotCosponsorOwn");
  if (organizationId === undefined && eligible.length > 1) return refuse.field("organizationId", "proposals.chooseOrganization");
  if (organizationId !== undefined && !eligible.includes(organizationId)) return refuse.forbidden();
  if (!isOpenForCosponsors(proposal.status)) return refuse.conflict("proposals.cosponsorClosed");
  return null;
}

/**
 * Withdrawing the support of `organizationId` (undefined: the one of the actor's organizations
 * that co-sponsors, in `mine`): any organization of the actor's but the author, while the review is open.
 */
export function withdrawCosponsorshipRefusal(
  actor: Actor | null,
  proposal: Omit<ProposalFacts, "organizationStatus">,
  organizationId: string | undefined,
  mine: readonly string[],
): Refusal | null {
  const eligible = memberOrganizationIds(actor).filter((id) => id !== proposal.organizationId);
  if (organizationId === proposal.organizationId || eligible.length === 0) return refuse.forbidden("proposals.cannotCosponsorOwn");
  if (organizationId === undefined) {
    // Nothing to withdraw is not an error, whatever the state (the command changes nothing).
    if (mine.length === 0) return null;
    if (mine.length > 1) return refuse.field("organizationId", "proposals.chooseOrganization");
  } else if (!eligible.includes(organizationId)) {
    return refuse.forbidden();
  }
  if (!isOpenForCosponsors(proposal.status)) return refuse.conflict("proposals.cosponsorClosed");
  return null;
}

/** The proposal as the page knows it: the organization's state is the one the actor's membership carries. */
const asSeenBy = (actor: Actor | null, proposal: { organizationId: string; status: ProposalStatus }): ProposalFacts | null => {
  const membership = membershipIn(actor, proposal.organizationId);
  return membership ? { ...proposal, organizationStatus: membership.organizationStatus } : null;
};

/** What the actor may do with a proposal they can see; the page shows exactly these buttons. */
export function proposalAbilities(actor: Actor | null, proposal: { organizationId: string; status: ProposalStatus }) {
  // Author actions are on the actor's own organization's proposals (the command scopes them so).
  const own = asSeenBy(actor, proposal);
  const authorMay = (action: ProposalAction) => !!own && proposalActionRefusal(actor, action) === null && transitionRefusal(actor, own, action) === null;
  // Reviewers act on what they read; the organization's state does not matter to them.
  const reviewable = { ...proposal, organizationStatus: "VERIFIED" as const };
  const reviewerMay = (action: ProposalAction) => proposalActionRefusal(actor, action) === null && transitionRefusal(actor, reviewable, action) === null;
  const submitRefusal = own ? transitionRefusal(actor, own, "submit") : null;
  const conflicted = canReviewProposals(actor) && hasConflictOfInterest(actor, proposal);
  return {
    edit: !!own && editDraftRefusal(own) === null,
    submit: authorMay("submit"),
    // Pending organizations write drafts but submit them once verified; suspended ones only read them.
    submitBlocked: submitRefusal?.key === "proposals.organizationNotVerified",
    withdraw: authorMay("withdraw"),
    startReview: reviewerMay("startReview"),
    answer: reviewerMay("accept"),
    incorporate: reviewerMay("incorporate"),
    cosponsorAs: cosponsorOrganizationIds(actor, proposal).filter((id) => cosponsorRefusal(actor, proposal, id) === null),
    /** A reviewer who would act here if the proposal were not their own organization's. */
    conflicted: conflicted && proposal.status !== "DRAFT" && REVIEW_ACTIONS.some((a) => canTransitionProposal(proposal.status, a)),
  };
}

// ─── The discussion ─────────────────────────────────────────────────────────────────────────

/**
 * Proposals open for discussion: everything public except a withdrawn one (its authors took it
 * back; the discussion is kept, read-only). A draft is never discussed: it is not public.
 */
export const COMMENTABLE_STATUSES: readonly ProposalStatus[] = ["SUBMITTED", "UNDER_REVIEW", "ACCEPTED", "NOT_RETAINED", "INCORPORATED"];

/** Organizations the actor may speak for in a comment: verified ones only. */
export const commentingOrganizations = (actor: Actor | null) => actor?.memberships.filter((m) => m.organizationStatus === "VERIFIED") ?? [];

/** Members of verified organizations, committee members with an active term, and staff. */
export const canComment = (actor: Actor | null): actor is Actor =>
  !!actor && (isStaff(actor) || isCommitteeMember(actor) || commentingOrganizations(actor).length > 0);

/** Who may comment, speaking for `organizationId` when they name one (it must be one of theirs, verified). */
export function commenterRefusal(actor: Actor | null, organizationId?: string): Refusal | null {
  if (!canComment(actor)) return refuse.forbidden("proposalDiscussion.cannotComment");
  if (organizationId && !commentingOrganizations(actor).some((m) => m.organizationId === organizationId)) {
    return refuse.field("organizationId", "proposalDiscussion.notYourOrganization");
  }
  return null;
}

/** Whether this proposal (read with the actor's rights) is open for discussion: a draft does not exist as one. */
export function commentOnRefusal(proposal: { status: ProposalStatus } | null): Refusal | null {
  if (!proposal || proposal.status === "DRAFT") return refuse.notFound();
  return COMMENTABLE_STATUSES.includes(proposal.status) ? null : refuse.conflict("proposalDiscussion.closed");
}

/** Whether the actor may comment on a proposal in this status (the proposal page passes it on). */
export const canCommentOn = (actor: Actor | null, proposal: { status: ProposalStatus }): actor is Actor =>
  commenterRefusal(actor) === null && commentOnRefusal(proposal) === null;

// Hiding a comment is moderation's (lib/moderation: canModerate, hidePost), the same for every kind of post.

/** A reply answers a visible top-level comment of the same proposal (one level of replies). */
export function replyRefusal(parent: { parentId: string | null; hiddenAt: Date | null } | null): Refusal | null {
  if (!parent) return refuse.field("body", "proposalDiscussion.parentNotFound");
  if (parent.parentId) return refuse.field("body", "proposalDiscussion.replyToReply");
  if (parent.hiddenAt) return refuse.field("body", "proposalDiscussion.parentHidden");
  return null;
}
