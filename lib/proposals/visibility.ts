import type { Actor } from "@/lib/auth/actor";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ProposalStatus, SessionStatus } from "@/lib/generated/prisma/enums";

/** States everyone may read. A draft is only for its organization's members. */
export const PUBLIC_STATUSES: ProposalStatus[] = ["SUBMITTED", "UNDER_REVIEW", "ACCEPTED", "NOT_RETAINED", "INCORPORATED", "WITHDRAWN"];

/** States in which the review is still open (co-sponsors may join or leave, authors may withdraw). */
export const OPEN_STATUSES: ProposalStatus[] = ["SUBMITTED", "UNDER_REVIEW"];

/** Public: not a draft, and from an organization that is verified now. */
export const publicProposalWhere: Prisma.ProposalWhereInput = {
  status: { in: PUBLIC_STATUSES },
  organization: { status: "VERIFIED" },
};

/** A co-sponsorship everyone may read: of a public proposal, by an organization verified now (as the proposal page lists them). */
export const publicCosponsorshipWhere: Prisma.ProposalCosponsorWhereInput = {
  proposal: publicProposalWhere,
  organization: { status: "VERIFIED" },
};

/** A comment everyone may read in full: on a public proposal, and not hidden by moderators. */
export const publicProposalCommentWhere: Prisma.ProposalCommentWhereInput = {
  hiddenAt: null,
  proposal: publicProposalWhere,
};

/**
 * What `actor` may read, as a filter for the WHERE clause: the public proposals plus every
 * proposal (drafts included) of the organizations the actor belongs to. Staff and committee
 * members read what is public: a draft belongs to its authors until it is submitted.
 */
export function readableProposalWhere(actor: Actor | null): Prisma.ProposalWhereInput {
  const memberOf = actor?.memberships.map((m) => m.organizationId) ?? [];
  if (memberOf.length === 0) return publicProposalWhere;
  return { OR: [publicProposalWhere, { organizationId: { in: memberOf } }] };
}

/**
 * Sessions a proposal may be linked to when it is written or edited: those still preparing
 * their programme. (A draft keeps the session it already names, whatever its state now.)
 */
export const LINKABLE_SESSION_STATUSES = ["OPEN_FOR_NOMINATIONS", "SPEAKERS_CONFIRMED"] as const satisfies readonly SessionStatus[];

/** Sessions everyone may see: any but a draft (a draft session is for staff only). */
export const isPublicSessionStatus = (status: SessionStatus) => status !== "DRAFT";
