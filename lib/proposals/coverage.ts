import { db } from "@/lib/db/client";
import { cachedRead } from "@/lib/cache/query-cache";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ProposalStatus } from "@/lib/generated/prisma/enums";
import { GCM_OBJECTIVES } from "@/lib/gcm/objectives";
import { PUBLIC_STATUSES } from "./visibility";

/** The states counted on the coverage page: every public one (publicProposalWhere). */
export const COVERAGE_STATUSES = PUBLIC_STATUSES;

export type ObjectiveCoverage = {
  objective: number;
  /** Public proposals addressing the objective, in each public state. */
  byStatus: Record<ProposalStatus, number>;
  total: number;
  /** No public proposal addresses it yet. */
  isGap: boolean;
};

const emptyCounts = () => Object.fromEntries(COVERAGE_STATUSES.map((s) => [s, 0])) as Record<ProposalStatus, number>;

/**
 * How many public proposals address each of the 23 GCM objectives, by state, in ONE query:
 * each proposal's objectives unnested and grouped by objective and status. Only what
 * publicProposalWhere lets anyone read counts: not drafts, only verified organizations.
 * Every objective is in the result, the ones with no proposal flagged as gaps.
 */
export async function getObjectiveCoverage(): Promise<{ objectives: ObjectiveCoverage[]; max: number; gaps: number[] }> {
  return cachedRead("proposals.coverage", null, readGetObjectiveCoverage);
}

async function readGetObjectiveCoverage(): Promise<{ objectives: ObjectiveCoverage[]; max: number; gaps: number[] }> {
  const rows = await db.$queryRaw<{ objective: number; status: ProposalStatus; count: number }[]>`
    SELECT o.objective::int AS objective, p.status::text AS status, count(*)::int AS count
    FROM "Proposal" p
    JOIN "Organization" g ON g.id = p."organizationId"
    CROSS JOIN LATERAL (SELECT DISTINCT unnest(p.objectives) AS objective) o
    WHERE g.status = 'VERIFIED'
      AND p.status::text IN (${Prisma.join(COVERAGE_STATUSES as string[])})
      AND o.objective BETWEEN 1 AND 23
    GROUP BY o.objective, p.status`;

  const byObjective = new Map<number, Record<ProposalStatus, number>>();
  for (const row of rows) {
    const counts = byObjective.get(row.objective) ?? emptyCounts();
    counts[row.status] = Number(row.count);
    byObjective.set(row.objective, counts);
  }
  const objectives = GCM_OBJECTIVES.map((objective) => {
    const byStatus = byObjective.get(objective) ?? emptyCounts();
    const total = COVERAGE_STATUSES.reduce((sum, s) => sum + byStatus[s], 0);
    return { objective, byStatus, total, isGap: total === 0 };
  });
  return {
    objectives,
    max: Math.max(0, ...objectives.map((o) => o.total)),
    gaps: objectives.filter((o) => o.isGap).map((o) => o.objective),
  };
}
