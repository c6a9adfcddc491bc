// Demo follows (issue 15): two committee members follow public proposals, sessions and the open
// consultation, so "What I follow" and the follower counts have something to show. The demo
// participant is left out: the end-to-end test of following starts from nothing.
import type { Prisma } from "../../lib/generated/prisma/client";
import { publicProposalWhere } from "../../lib/proposals/visibility";

type Tx = Prisma.TransactionClient;

export type FollowSeedContext = { people: Record<string, { id: string }>; now: number };

export async function seedFollows(tx: Tx, { people, now }: FollowSeedContext): Promise<void> {
  const [proposals, sessions, consultation] = await Promise.all([
    tx.proposal.findMany({ where: { AND: [publicProposalWhere, { status: { in: ["SUBMITTED", "UNDER_REVIEW"] } }] }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: 3, select: { id: true } }),
    tx.reviewSession.findMany({ where: { status: { in: ["OPEN_FOR_NOMINATIONS", "SPEAKERS_CONFIRMED"] } }, orderBy: { startsAt: "asc" }, select: { id: true } }),
    tx.consultation.findFirst({ where: { status: "OPEN" }, select: { id: true } }),
  ]);
  const at = (daysAgo: number) => new Date(now - daysAgo * 86_400_000);
  const rows: Prisma.FollowCreateManyInput[] = [];
  const grace = people.committeeUs.id;
  const joao = people.committeeBr.id;
  proposals.forEach((p, i) => rows.push({ userId: i === 2 ? joao : grace, subject: "PROPOSAL", key: p.id, createdAt: at(9 - i) }));
  sessions.forEach((s, i) => rows.push({ userId: grace, subject: "SESSION", key: s.id, createdAt: at(6 - i) }, { userId: joao, subject: "SESSION", key: s.id, createdAt: at(5 - i) }));
  if (consultation) rows.push({ userId: grace, subject: "CONSULTATION", key: consultation.id, createdAt: at(2) });
  rows.push({ userId: joao, subject: "COUNTRY", key: "MX", createdAt: at(12) });
  await tx.follow.createMany({ data: rows, skipDuplicates: true });
}
