import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { seedDemo } from "@/prisma/seed/demo";
import { resetDatabase } from "../helpers/factories";

// The demo must show the portal alive (issues 2 and 3): this guards what a fresh `npm start` shows.
describe("demo data", () => {
  beforeAll(async () => {
    await resetDatabase();
    await seedDemo();
  }, 60_000);

  it("has an admin, two staff, a committee of five with one chair, and a dozen organizations", async () => {
    expect(await db.roleAssignment.count({ where: { role: "ADMIN" } })).toBe(1);
    expect(await db.roleAssignment.count({ where: { role: "STAFF" } })).toBe(2);
    expect(await db.committeeTerm.count()).toBe(5);
    expect(await db.committeeTerm.count({ where: { isChair: true } })).toBe(1);
    const orgs = await db.organization.findMany({ select: { country: true, subregion: true, status: true } });
    expect(orgs.length).toBeGreaterThanOrEqual(12);
    expect(new Set(orgs.map((o) => o.country)).size).toBeGreaterThanOrEqual(6);
    expect(new Set(orgs.map((o) => o.subregion)).size).toBe(5);
    expect(orgs.some((o) => o.status === "PENDING")).toBe(true);
  });

  it("has at least 30 proposals in every state and all four languages, with co-sponsors, comments and answers", async () => {
    const proposals = await db.proposal.findMany({ select: { status: true, language: true, answer: true, cosponsorCount: true, id: true } });
    expect(proposals.length).toBeGreaterThanOrEqual(30);
    expect(new Set(proposals.map((p) => p.status)).size).toBe(7);
    expect(new Set(proposals.map((p) => p.language))).toEqual(new Set(["es", "en", "pt", "fr"]));
    const cosponsors = await db.proposalCosponsor.groupBy({ by: ["proposalId"], _count: true });
    for (const row of cosponsors) {
      expect(proposals.find((p) => p.id === row.proposalId)?.cosponsorCount).toBe(row._count);
    }
    expect(await db.proposalComment.count({ where: { parentId: { not: null } } })).toBeGreaterThan(0);
    expect(proposals.filter((p) => p.answer).length).toBeGreaterThanOrEqual(8);
  });

  it("lets only verified organizations co-sponsor and comment, as the commands do", async () => {
    expect(await db.proposalCosponsor.count({ where: { organization: { status: { not: "VERIFIED" } } } })).toBe(0);
    expect(await db.proposalComment.count({ where: { organization: { status: { not: "VERIFIED" } } } })).toBe(0);
    expect(await db.proposal.count({ where: { status: { not: "DRAFT" }, organization: { status: { not: "VERIFIED" } } } })).toBe(0);
  });

  it("covers most GCM objectives with public proposals, but not all", async () => {
    const rows = await db.$queryRaw<{ objective: number }[]>`
      SELECT DISTINCT unnest(p.objectives) AS objective FROM "Proposal" p JOIN "Organization" o ON o.id = p."organizationId"
      WHERE p.status <> 'DRAFT' AND o.status = 'VERIFIED'`;
    expect(rows.length).toBeGreaterThanOrEqual(18);
    expect(rows.length).toBeLessThan(23);
  });
});
