import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { explainSearch, parseProposalFilters, searchProposals } from "@/lib/proposals/search";
import { seedLarge } from "@/prisma/seed/large";
import { resetDatabase } from "../helpers/factories";
import { captureQueries } from "../helpers/query-count";

const strip = (s: string) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();

describe("proposal search at scale", () => {
  beforeAll(async () => {
    await resetDatabase();
    await seedLarge(process.env.DATABASE_URL!, { organizations: 200, proposals: 6_000, cosponsorships: 12_000 });
  }, 120_000);

  it("ignores accents and case, in Spanish, Portuguese and French", async () => {
    for (const [term, accented] of [
      ["MIGRACION", "migración"],
      ["regularizacao", "regularização"],
      ["detention", "détention"],
    ] as const) {
      const { items, total } = await searchProposals(parseProposalFilters({ q: term }));
      expect(total, term).toBeGreaterThan(0);
      expect(items.some((p) => (p.title + p.summary).toLowerCase().includes(accented)), term).toBe(true);
      for (const p of items) expect(strip(p.title + " " + p.summary)).toContain(strip(term).slice(0, 6));
    }
  });

  it("finds a stemmed form in the proposal's own language", async () => {
    // "migraciones" (plural, no accent) finds Spanish proposals about "migración".
    const { items } = await searchProposals(parseProposalFilters({ q: "migraciones", language: "es" }));
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((p) => p.language === "es" && (p.title + p.summary).toLowerCase().includes("migración"))).toBe(true);
  });

  it("never lists drafts or proposals of organizations that are not verified", async () => {
    const { total } = await searchProposals(parseProposalFilters({}));
    const expected = await db.proposal.count({
      where: { status: { not: "DRAFT" }, organization: { status: "VERIFIED" } },
    });
    expect(total).toBe(expected);
    const all = await db.proposal.count();
    expect(total).toBeLessThan(all);
  });

  it("combines filters, and every result satisfies all of them", async () => {
    const filters = parseProposalFilters({ q: "salud", objective: "5", country: "MX", children: "1" });
    const { items } = await searchProposals(filters);
    for (const p of items) {
      expect(p.objectives).toContain(5);
      expect(p.countries).toContain("MX");
    }
    const ids = items.map((p) => p.id);
    if (ids.length) {
      const flagged = await db.proposal.count({ where: { id: { in: ids }, concernsChildren: true } });
      expect(flagged).toBe(ids.length);
    }
  });

  it("sorts by co-sponsors and by answer date", async () => {
    const bySupport = (await searchProposals(parseProposalFilters({ sort: "cosponsored" }))).items.map((p) => p.cosponsorCount);
    expect(bySupport).toEqual([...bySupport].sort((a, b) => b - a));
    expect(bySupport[0]).toBeGreaterThan(0);
    const answered = (await searchProposals(parseProposalFilters({ sort: "answered" }))).items;
    const times = answered.map((p) => p.answeredAt?.getTime() ?? 0);
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it("runs a fixed number of SQL queries whatever the page and the list size", async () => {
    const a = await captureQueries(() => searchProposals(parseProposalFilters({ q: "salud", objective: "3", subregion: "ANDEAN" })));
    const b = await captureQueries(() => searchProposals(parseProposalFilters({ q: "salud", objective: "3", subregion: "ANDEAN", page: "3" })));
    const c = await captureQueries(() => searchProposals(parseProposalFilters({}), 50));
    expect(a.queries).toHaveLength(2);
    expect(b.queries).toHaveLength(2);
    expect(c.queries).toHaveLength(2);
  });

  it("uses the full-text index for a search", async () => {
    // A selective word (each seeded title ends with its number) with two filters: the plan
    // starts from the full-text index instead of reading the table.
    const plan = await explainSearch(parseProposalFilters({ q: "4321", language: "es", children: "1" }));
    expect(plan).toContain("Proposal_search_idx");
    expect(plan).not.toMatch(/Seq Scan on "Proposal"/);
  });

  it("answers a search with a NUL byte or an impossible page instead of a database error (issue 11)", async () => {
    const result = await searchProposals(parseProposalFilters({ q: "salud\u0000b", page: "Infinity" }));
    expect(result.page).toBe(1);
    await expect(searchProposals(parseProposalFilters({ q: "\u0000", page: "1e308" }))).resolves.toMatchObject({ page: 1 });
  });

  it("drops bad filter values instead of failing", async () => {
    const filters = parseProposalFilters({ objective: "99", country: "XX", status: "DRAFT", sort: "evil", page: "-3", q: "x".repeat(500) });
    expect(filters).toEqual({ q: undefined, objective: undefined, country: undefined, status: undefined, sort: undefined, page: undefined, subregion: undefined, type: undefined, language: undefined, session: undefined, children: undefined, gender: undefined, irregular: undefined });
  });
});
