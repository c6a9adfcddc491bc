import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getObjectiveCoverage } from "@/lib/proposals/coverage";
import { createOrganization, resetDatabase } from "../helpers/factories";
import { captureQueries } from "../helpers/query-count";
import { createProposal } from "../helpers/proposal-fixtures";

describe("coverage of the 23 objectives", () => {
  beforeEach(resetDatabase);

  it("counts public proposals by objective and state, in one query; drafts and unverified organizations do not count", async () => {
    const org = await createOrganization();
    const other = await createOrganization();
    const pending = await createOrganization({ status: "PENDING" });
    const suspended = await createOrganization({ status: "SUSPENDED" });
    const rejected = await createOrganization({ status: "REJECTED" });

    await createProposal(org.id, { status: "SUBMITTED", objectives: [1, 2] });
    await createProposal(org.id, { status: "UNDER_REVIEW", objectives: [2] });
    await createProposal(org.id, { status: "ACCEPTED", objectives: [2, 3] });
    await createProposal(org.id, { status: "WITHDRAWN", objectives: [3] });
    await createProposal(org.id, { status: "INCORPORATED", objectives: [1] });
    await createProposal(org.id, { status: "DRAFT", objectives: [4, 1] });
    await createProposal(other.id, { status: "NOT_RETAINED", objectives: [5, 5] });
    await createProposal(other.id, { status: "SUBMITTED", objectives: [0, 99] });
    await createProposal(pending.id, { status: "SUBMITTED", objectives: [6] });
    await createProposal(suspended.id, { status: "ACCEPTED", objectives: [6] });
    await createProposal(rejected.id, { status: "SUBMITTED", objectives: [7] });

    const { result, queries } = await captureQueries(() => getObjectiveCoverage());
    expect(queries).toHaveLength(1);
    expect(result.objectives.map((o) => o.objective)).toEqual(Array.from({ length: 23 }, (_, i) => i + 1));

    const at = (n: number) => result.objectives[n - 1];
    expect(at(1).byStatus).toMatchObject({ SUBMITTED: 1, UNDER_REVIEW: 0, ACCEPTED: 0, NOT_RETAINED: 0, INCORPORATED: 1, WITHDRAWN: 0 });
    expect(at(1).total).toBe(2);
    expect(at(2).byStatus).toMatchObject({ SUBMITTED: 1, UNDER_REVIEW: 1, ACCEPTED: 1 });
    expect(at(2).total).toBe(3);
    expect(at(3).byStatus).toMatchObject({ ACCEPTED: 1, WITHDRAWN: 1 });
    expect(at(5).byStatus.NOT_RETAINED).toBe(1); // listed twice in one proposal, counted once
    expect(at(5).total).toBe(1);
    expect("DRAFT" in at(1).byStatus).toBe(false);
    for (const n of [4, 6, 7]) {
      expect(at(n).total, `objective ${n}`).toBe(0);
      expect(at(n).isGap, `objective ${n}`).toBe(true);
    }
    expect(result.max).toBe(3);
    expect(result.gaps).toEqual([4, 6, 7, ...Array.from({ length: 23 - 7 }, (_, i) => i + 8)]);
    expect(at(1).isGap).toBe(false);
  });

  it("follows the organization's status: a verified organization's proposals count, a suspended one's stop counting", async () => {
    const org = await createOrganization();
    await createProposal(org.id, { status: "SUBMITTED", objectives: [9] });
    expect((await getObjectiveCoverage()).objectives[8].total).toBe(1);
    await db.organization.update({ where: { id: org.id }, data: { status: "SUSPENDED" } });
    expect((await getObjectiveCoverage()).objectives[8].isGap).toBe(true);
  });

  it("shows every objective as a gap when there is nothing yet", async () => {
    const result = await getObjectiveCoverage();
    expect(result.gaps).toHaveLength(23);
    expect(result.max).toBe(0);
    expect(result.objectives.every((o) => o.total === 0)).toBe(true);
  });
});
