import type { Actor } from "@/lib/auth/actor";
import { Prisma } from "@/lib/generated/prisma/client";
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
 * readableProposalWhere written in SQL, for the comment list that reads a whole discussion in
 * one query: `p` is the Proposal's alias and `po` its Organization's. tests/integration/
 * proposals-visibility.test.ts proves both forms pick the same proposals for every kind of reader.
 */
export function readableProposalSql(actor: Actor | null): Prisma.Sql {
  const memberOf = actor?.memberships.map((m) => m.organizationId) ?? [];
  return Prisma.sql`((p.status::text IN (${Prisma.join(PUBLIC_STATUSES as string[])}) AND po.status = 'VERIFIED') OR p."organizationId"::text = ANY(${memberOf}::text[]))`;
}

/** A comment whose words are shown: not hidden by moderators (a hidden one shows only its reason). */
export const shownCommentWhere = { hiddenAt: null } satisfies Prisma.ProposalCommentWhereInput;

/** A comment everyone may read in full, in open data and the API: shown, on a proposal a visitor reads. */
export const publicProposalCommentWhere: Prisma.ProposalCommentWhereInput = {
  ...shownCommentWhere,
  proposal: readableProposalWhere(null),
};

/** A comment is signed by the organization its author spoke for only while it is verified; never by the person in public data. */
export const signsAsOrganization = (organization: { status: string } | null): boolean => organization?.status === "VERIFIED";

/**
 * Sessions a proposal may be linked to when it is written or edited: those still preparing
 * their programme. (A draft keeps the session it already names, whatever its state now.)
 */
export const LINKABLE_SESSION_STATUSES = ["OPEN_FOR_NOMINATIONS", "SPEAKERS_CONFIRMED"] as const satisfies readonly SessionStatus[];

/** Sessions everyone may see: any but a draft (a draft session is for staff only). */
export const isPublicSessionStatus = (status: SessionStatus) => status !== "DRAFT";
