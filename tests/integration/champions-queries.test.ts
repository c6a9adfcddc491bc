import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { parseInitiativeFilters, parseRecommendationFilters } from "@/lib/champions/filters";
import { getCommitmentPage, listChampionCountries, listFeedEntries, searchInitiatives } from "@/lib/champions/queries";
import type { CommitmentStatus, InclusionLevel, Locale } from "@/lib/generated/prisma/enums";
import { buildWorld, createOrganization, resetDatabase } from "../helpers/factories";
import { captureQueries } from "../helpers/query-count";

type World = Awaited<ReturnType<typeof buildWorld>>;
const day = 86_400_000;
const NOW = new Date("2026-06-15T12:00:00Z");
const HIDDEN_WORDS = "Palabras que staff ocultó";

async function initiative(options: {
  country: string;
  status?: CommitmentStatus;
  inclusion?: InclusionLevel;
  objectives?: number[];
  texts?: { language: Locale; title: string }[];
  lastUpdatedAt?: Date;
}) {
  return db.commitment.create({
    data: {
      kind: "INITIATIVE",
      country: options.country,
      publicBody: "Secretaría",
      objectives: options.objectives ?? [],
      status: options.status ?? "ANNOUNCED",
      inclusion: options.inclusion ?? "NOT_INCLUDED",
      lastUpdatedAt: options.lastUpdatedAt ?? NOW,
      texts: { create: (options.texts ?? [{ language: "es", title: "Iniciativa" }]).map((t) => ({ ...t, description: `${t.title}.` })) },
    },
  });
}

/** One of each thing a commitment page shows, `n` times. */
async function fill(commitmentId: string, n: number, authorId: string) {
  for (let i = 0; i < n; i++) {
    const org = await createOrganization({ name: `Evaluadora ${commitmentId.slice(0, 4)} ${i}` });
    await db.assessment.create({
      data: {
        commitmentId,
        organizationId: org.id,
        authorId,
        language: "es",
        progress: "STALLED",
        inclusion: "INFORMED",
        rightsCentred: "PARTLY",
        rightsNote: `Nota ${i}`,
        links: { create: [{ title: `Enlace ${i}`, url: "https://example.org/a" }] },
      },
    });
    await db.commitmentMilestone.create({ data: { commitmentId, position: i, label: `Hito ${i}`, language: "es", plannedOn: new Date("2026-01-01") } });
    await db.commitmentSource.create({ data: { commitmentId, position: i, title: `Fuente ${i}`, url: "https://example.org/s" } });
    await db.commitmentUpdate.create({
      data: {
        commitmentId,
        reportedOn: new Date(NOW.getTime() - i * day),
        language: "es",
        body: `Avance ${i}`,
        sources: { create: [{ title: `Fuente del avance ${i}`, url: "https://example.org/u" }] },
      },
    });
    await db.commitmentRevision.create({ data: { commitmentId, revision: i + 1, snapshot: { change: i ? "edited" : "created", status: i % 2 ? "IN_PROGRESS" : "ANNOUNCED" } } });
  }
}

describe("champion queries", () => {
  let world: World;
  let mx: string;
  let hn: string;
  let small: string;

  beforeAll(async () => {
    await resetDatabase();
    world = await buildWorld();
    await db.championTerm.createMany({
      data: [
        { country: "MX", startsOn: new Date("2026-01-01") },
        { country: "HN", startsOn: new Date("2026-01-01"), endsOn: new Date("2026-12-31") },
        // Ended before today: not a champion now.
        { country: "SV", startsOn: new Date("2025-01-01"), endsOn: new Date("2026-06-14") },
      ],
    });
    mx = (
      await initiative({
        country: "MX",
        status: "IN_PROGRESS",
        inclusion: "CONSULTED",
        objectives: [7, 13],
        texts: [
          { language: "es", title: "Protocolo de protección" },
          { language: "en", title: "Protection protocol" },
        ],
      })
    ).id;
    hn = (await initiative({ country: "HN", inclusion: "INFORMED", texts: [{ language: "es", title: "Reintegración" }], lastUpdatedAt: new Date(NOW.getTime() - 91 * day) })).id;
    small = (await initiative({ country: "MX", inclusion: "CONSULTED", objectives: [5] })).id;
    await fill(small, 1, world.users.orgMember.id);
    await fill(mx, 12, world.users.orgMember.id);
    // One assessment of the Honduran initiative, hidden by staff with a public reason.
    await db.assessment.create({
      data: {
        commitmentId: hn,
        organizationId: world.org.id,
        language: "es",
        progress: "ABANDONED",
        progressNote: HIDDEN_WORDS,
        inclusion: "NOT_INCLUDED",
        rightsCentred: "NO",
        rightsNote: HIDDEN_WORDS,
        evidence: HIDDEN_WORDS,
        hiddenAt: NOW,
        hiddenReason: "Datos personales de una persona migrante",
        hiddenById: world.users.staff.id,
      },
    });
  });

  it("lists the champions of today with their initiatives on each rung of the ladder", async () => {
    const countries = await listChampionCountries(NOW);
    expect(countries.map((c) => c.country)).toEqual(["HN", "MX"]);
    const mexico = countries.find((c) => c.country === "MX")!;
    expect(mexico.initiatives).toBe(2);
    expect(mexico.inclusion.CONSULTED).toBe(2);
    expect(mexico.inclusion.CO_LED).toBe(0);
  });

  it("never reads a hidden assessment's words for a visitor or a member; staff read it, marked", async () => {
    for (const actor of [world.actors.visitor, world.actors.orgMember, world.actors.otherOrgMember, world.actors.committee]) {
      const { result, queries } = await captureQueries(() => getCommitmentPage(actor, hn, "es", "INITIATIVE", NOW));
      expect(result?.assessments).toHaveLength(1);
      expect(result?.assessments[0].content).toBeNull();
      expect(result?.assessments[0].hidden?.reason).toBe("Datos personales de una persona migrante");
      expect(JSON.stringify(result)).not.toContain(HIDDEN_WORDS);
      // Not selected at all: no statement that reads the assessment's words is sent for a hidden one.
      const readsContent = queries.filter((q) => /"Assessment"/.test(q) && /"rightsNote"/.test(q));
      expect(readsContent.length).toBeGreaterThan(0);
      expect(readsContent.every((q) => /"hiddenAt" IS NULL/.test(q))).toBe(true);
    }
    const staff = await getCommitmentPage(world.actors.staff, hn, "es", "INITIATIVE", NOW);
    expect(staff?.assessments[0].content?.rightsNote).toBe(HIDDEN_WORDS);
    expect(staff?.assessments[0].hidden).not.toBeNull();
  });

  it("gives the reader's language, else another marked as such", async () => {
    const en = await getCommitmentPage(null, mx, "en", "INITIATIVE", NOW);
    expect(en?.text).toMatchObject({ title: "Protection protocol", language: "en", fallback: false });
    const fr = await getCommitmentPage(null, mx, "fr", "INITIATIVE", NOW);
    expect(fr?.text).toMatchObject({ title: "Protocolo de protección", language: "es", fallback: true });
    const list = await searchInitiatives(parseInitiativeFilters({ country: "hn" }), "pt", NOW);
    expect(list.items[0]).toMatchObject({ title: "Reintegración", titleLanguage: "es", titleFallback: true, notUpdated: true });
  });

  it("shows updates newest first and the history with what changed", async () => {
    const page = await getCommitmentPage(null, mx, "es", "INITIATIVE", NOW);
    expect(page?.updates.map((u) => u.body).slice(0, 2)).toEqual(["Avance 0", "Avance 1"]);
    expect(page?.history[0].revision).toBe(12);
    expect(page?.history[0].changes).toEqual([{ field: "status", before: "ANNOUNCED", after: "IN_PROGRESS" }]);
    expect(page?.history.at(-1)?.isFirst).toBe(true);
    expect(page?.notUpdated).toBe(false);
  });

  it("is null for the wrong kind, an unknown id or a malformed one", async () => {
    expect(await getCommitmentPage(null, mx, "es", "RECOMMENDATION", NOW)).toBeNull();
    expect(await getCommitmentPage(null, "00000000-0000-4000-8000-000000000000", "es", "INITIATIVE", NOW)).toBeNull();
    expect(await getCommitmentPage(null, "../etc", "es", "INITIATIVE", NOW)).toBeNull();
  });

  it("filters by country, objective, status and inclusion, and ignores unknown values", async () => {
    const ids = async (params: Record<string, string>) => (await searchInitiatives(parseInitiativeFilters(params), "es", NOW)).items.map((i) => i.id).sort();
    expect(await ids({ country: "mx" })).toEqual([mx, small].sort());
    expect(await ids({ objective: "13" })).toEqual([mx]);
    expect(await ids({ status: "in_progress" })).toEqual([mx]);
    expect(await ids({ inclusion: "INFORMED" })).toEqual([hn]);
    expect(await ids({ country: "zz", objective: "99", status: "DONE", inclusion: "<script>", page: "1e308" })).toHaveLength(3);
    expect(parseInitiativeFilters({ page: "999999999" }).page).toBeUndefined();
    expect(parseRecommendationFilters({ addressee: "iom", status: "x" })).toEqual({ addressee: "IOM", status: undefined, page: undefined });
  });

  it("reads a commitment page with the same number of queries for 1 or 12 of everything", async () => {
    const a = await captureQueries(() => getCommitmentPage(null, small, "es", "INITIATIVE", NOW));
    const b = await captureQueries(() => getCommitmentPage(null, mx, "es", "INITIATIVE", NOW));
    expect(b.result?.assessments).toHaveLength(12);
    expect(b.result?.updates[0].sources).toHaveLength(1);
    expect(b.queries.length).toBe(a.queries.length);
    const list = await captureQueries(() => searchInitiatives(parseInitiativeFilters({}), "es", NOW));
    expect(list.queries.length).toBeLessThanOrEqual(4);
  });

  it("feeds updates and new initiatives, per country or for all, and no assessment", async () => {
    const all = await captureQueries(() => listFeedEntries({ locale: "es", limit: 50 }));
    expect(all.result.some((e) => e.kind === "initiative" && e.commitmentId === hn)).toBe(true);
    expect(all.result.filter((e) => e.kind === "update")).toHaveLength(13);
    expect(all.queries.some((q) => /"Assessment"/.test(q))).toBe(false);
    const honduras = await listFeedEntries({ locale: "es", country: "hn" });
    expect(honduras.map((e) => e.commitmentId)).toEqual([hn]);
    expect(JSON.stringify(all.result)).not.toContain(HIDDEN_WORDS);
  });
});
