import { db } from "@/lib/db/client";
import { canCreateProposal, canReviewProposals } from "@/lib/proposals/policy";
import { isCommitteeMember } from "@/lib/auth/actor";
import { effectiveStatus, withdrawRefusal } from "@/lib/nominations/policy";
import type { Actor } from "@/lib/auth/actor";
import type { Prisma } from "@/lib/generated/prisma/client";
import { listOwnPendingOrganizations } from "@/lib/organizations/queries";
import { OPEN_STATUSES, publicProposalWhere } from "@/lib/proposals/visibility";

/**
 * Sessions waiting for a staff step, from the lifecycle in lib/sessions/policy.ts: a draft not
 * yet opened; nominations closed (deadline passed) but the slate not confirmed; speakers
 * confirmed but the session, now over, not marked held; held but its summary not published.
 */
export const sessionsNeedingStepWhere = (now: Date): Prisma.ReviewSessionWhereInput => ({
  OR: [
    { status: "DRAFT" },
    { status: "OPEN_FOR_NOMINATIONS", nominationDeadline: { lt: now } },
    { status: "SPEAKERS_CONFIRMED", endsAt: { lt: now } },
    { status: "HELD" },
  ],
});

/** Staff's queues, each a count with its desk: four count queries run together. */
export async function getStaffQueues(now = new Date()) {
  const [organizations, proposals, comments, sessions] = await Promise.all([
    db.organization.count({ where: { status: "PENDING" } }),
    // Submitted or under review, and public: what the review desk lists.
    db.proposal.count({ where: { AND: [publicProposalWhere, { status: { in: OPEN_STATUSES } }] } }),
    // Report comments no one has answered yet.
    db.reportComment.count({ where: { disposition: null } }),
    db.reviewSession.count({ where: sessionsNeedingStepWhere(now) }),
  ]);
  return [
    { key: "organizations", count: organizations, href: "/admin/organizations" },
    { key: "proposals", count: proposals, href: "/dashboard/proposals" },
    { key: "comments", count: comments, href: "/dashboard/report" },
    { key: "sessions", count: sessions, href: "/dashboard/sessions" },
  ] as const;
}

/**
 * Everything the signed-in user's home page shows, in a fixed number of queries (at most eleven,
 * run together: six lists, the own pending organizations, four staff counts). Memberships and site roles come with the actor, already fresh from the database.
 */
export async function getDashboard(actor: Actor, now = new Date()) {
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const memberOf = actor.memberships.map((m) => m.organizationId);
  const [committeeTerms, invitations, staffQueues, ownPendingOrganizations, proposals, registrations, nominations] = await Promise.all([
    // The current term and any upcoming one.
    db.committeeTerm.findMany({
      where: { userId: actor.userId, endedEarlyAt: null, endsOn: { gte: today } },
      orderBy: { startsOn: "asc" },
      select: {
        id: true,
        startsOn: true,
        endsOn: true,
        isChair: true,
        organization: { select: { name: true, slug: true } },
      },
    }),
    // Invitations to join an organization sent to this email and still usable.
    db.organizationInvitation.findMany({
      where: { email: { equals: actor.email, mode: "insensitive" }, acceptedAt: null, expiresAt: { gt: now } },
      orderBy: { expiresAt: "asc" },
      select: {
        id: true,
        role: true,
        expiresAt: true,
        organization: { select: { name: true, slug: true } },
      },
    }),
    actor.isStaff ? getStaffQueues(now) : Promise.resolve(null),
    listOwnPendingOrganizations(actor),
    // The latest proposals of the actor's organizations, drafts included (they are theirs).
    memberOf.length
      ? db.proposal.findMany({
          where: { organizationId: { in: memberOf } },
          orderBy: { updatedAt: "desc" },
          take: 10,
          select: { id: true, title: true, status: true, language: true, updatedAt: true, organization: { select: { name: true } } },
        })
      : Promise.resolve([]),
    // Sessions the user registered for that have not ended yet.
    db.sessionRegistration.findMany({
      where: { userId: actor.userId, session: { endsAt: { gte: now }, status: { not: "DRAFT" } } },
      orderBy: { session: { startsAt: "asc" } },
      take: 10,
      select: { session: { select: { id: true, title: true, startsAt: true, timeZone: true } } },
    }),
    // The user's own nominations to speak (never the committee's rationale), for sessions not over yet.
    db.nomination.findMany({
      where: { nomineeUserId: actor.userId, session: { status: { not: "DRAFT" }, endsAt: { gte: now } } },
      orderBy: { session: { startsAt: "asc" } },
      take: 10,
      select: {
        id: true,
        role: true,
        status: true,
        invitationExpiresAt: true,
        session: { select: { id: true, title: true, startsAt: true, timeZone: true } },
      },
    }),
  ]);
  return {
    memberships: actor.memberships,
    siteRoles: { isStaff: actor.isStaff, isAdmin: actor.isAdmin },
    committeeTerms: committeeTerms.map((t) => ({ ...t, isCurrent: t.startsOn <= today })),
    invitations,
    /** null unless the actor is staff: shown first on their dashboard. */
    staffQueues,
    /** The actor's organizations waiting for verification, with the day they registered. */
    ownPendingOrganizations,
    /** Members of verified or pending organizations write drafts. */
    writesProposals: canCreateProposal(actor),
    proposals,
    /** Committee members with an active term and staff review proposals at /dashboard/proposals. */
    reviewsProposals: canReviewProposals(actor),
    registrations: registrations.map((r) => r.session),
    /** What the nominee may still do from here: withdraw before the session starts. */
    nominations: nominations.map((n) => {
      const status = effectiveStatus(n, now);
      return {
        id: n.id,
        role: n.role,
        status,
        session: n.session,
        // The withdraw command's own decision, for the nominee themself.
        canWithdraw: withdrawRefusal("nominee", n.session, n, now) === null,
      };
    }),
    /** The committee's workspace is for active committee members and staff; the sessions desk for staff. */
    seesCommitteeWorkspace: actor.isStaff || isCommitteeMember(actor),
    managesSessions: actor.isStaff,
  };
}

export type Dashboard = Awaited<ReturnType<typeof getDashboard>>;
