import type { Tx } from "@/lib/commands/run";
import { lockRow } from "@/lib/db/locks";
import { fieldError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ProposalStatus } from "@/lib/generated/prisma/enums";
import { notifyFollowers } from "@/lib/follows/notify";
import { notify } from "@/lib/notifications/notify";
import type { ProposalNotificationKind } from "@/lib/notifications/kinds";
import type { ProposalFacts } from "../policy";
import { LINKABLE_SESSION_STATUSES } from "../visibility";

// What several proposal commands share; not exported from the folder's index (only commands are).

/** What commands read and return about a proposal. */
export const proposalSelect = {
  id: true,
  title: true,
  status: true,
  language: true,
  organizationId: true,
  authorId: true,
  organization: { select: { name: true, slug: true, status: true } },
} satisfies Prisma.ProposalSelect;

export type ProposalRow = Prisma.ProposalGetPayload<{ select: typeof proposalSelect }>;
export type ProposalResult = Omit<ProposalRow, "organization">;

export const toResult = (row: ProposalRow): ProposalResult => ({
  id: row.id,
  title: row.title,
  status: row.status,
  language: row.language,
  organizationId: row.organizationId,
  authorId: row.authorId,
});

/** The proposal as the policy's decisions read it: its organization's state as it is now. */
export const factsOf = (row: ProposalRow): ProposalFacts => ({
  organizationId: row.organizationId,
  status: row.status,
  organizationStatus: row.organization.status,
});

/** What public log entries about a proposal carry: names and slugs only. */
export const auditData = (proposal: ProposalRow, status: ProposalStatus) => ({
  proposalTitle: proposal.title,
  organizationName: proposal.organization.name,
  organizationSlug: proposal.organization.slug,
  status,
});

/**
 * Locks the proposal's row for the rest of the transaction, so co-sponsorships and changes of
 * state happen one after another (a co-sponsor cannot slip in after a decision).
 */
export const lockProposal = (tx: Tx, proposalId: string) => lockRow(tx, "Proposal", proposalId);

/** The members of the authoring organization hear in the app what happened to their proposal (never the actor). */
export async function notifyAuthors(
  tx: Tx,
  proposal: { id: string; title: string; organizationId: string },
  kind: ProposalNotificationKind,
  actorId: string,
  extra: Prisma.InputJsonObject = {},
) {
  const members = await tx.membership.findMany({ where: { organizationId: proposal.organizationId }, select: { userId: true } });
  await notify(tx, {
    userIds: members.map((m) => m.userId),
    kind,
    data: { ...extra, proposalId: proposal.id, proposalTitle: proposal.title },
    exceptUserId: actorId,
  });
}

/**
 * The proposal's followers hear what happened to it, once each: never the actor, nor its authors
 * (the members of its organization), who hear with their own sentence.
 */
export async function notifyProposalFollowers(
  tx: Tx,
  proposal: { id: string; title: string; organizationId: string },
  kind: ProposalNotificationKind,
  actorId: string,
  extra: Prisma.InputJsonObject = {},
  alreadyTold: readonly (string | null)[] = [],
) {
  const members = await tx.membership.findMany({ where: { organizationId: proposal.organizationId }, select: { userId: true } });
  const data = { ...extra, proposalId: proposal.id, proposalTitle: proposal.title };
  await notifyFollowers(tx, { subject: "PROPOSAL", key: proposal.id }, kind, () => data, [actorId, ...alreadyTold, ...members.map((m) => m.userId)]);
}

/**
 * The session a draft names must be one that is preparing its programme (open for nominations
 * or with its speakers confirmed): read in the transaction, so a session that moved on since the
 * form was shown is refused. `keep` is the session the draft already names, allowed as it is.
 */
export async function checkSession(tx: Tx, sessionId: string | undefined, keep: string | null = null): Promise<string | null> {
  if (sessionId === undefined) return null;
  if (sessionId === keep) return sessionId;
  const session = await tx.reviewSession.findFirst({
    where: { id: sessionId, status: { in: [...LINKABLE_SESSION_STATUSES] } },
    select: { id: true },
  });
  if (!session) throw fieldError("sessionId", "proposals.sessionNotOpen");
  return session.id;
}
