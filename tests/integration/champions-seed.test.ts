import { beforeAll, describe, expect, it } from "vitest";
import { parseAuditEvent } from "@/lib/audit/events";
import { isChampionOn, isNotUpdated } from "@/lib/champions/policy";
import { commitmentSnapshotSchema, FOUNDING_CHAMPIONS } from "@/lib/champions/schemas";
import { db } from "@/lib/db/client";
import { seedDemo } from "@/prisma/seed/demo";
import { listRecommendations, recommendationSources } from "@/lib/champions/queries";
import { demoChampionId, demoInitiativeId, demoSuggestionId } from "@/prisma/seed/demo-champions";
import { DEMO_RECOMMENDATIONS } from "@/prisma/seed/demo-champions-data";
import { DEMO_FINAL_REPORT } from "@/prisma/seed/demo-final-report";
import { resetDatabase } from "../helpers/factories";

describe("the demo's champion States", () => {
  beforeAll(async () => {
    await resetDatabase();
    await seedDemo();
  }, 120_000);

  it("has the four founding champions today, and three or four illustrative initiatives each in several languages", async () => {
    const terms = await db.championTerm.findMany();
    for (const country of FOUNDING_CHAMPIONS) expect(isChampionOn(terms, country, new Date()), country).toBe(true);
    const initiatives = await db.commitment.findMany({ where: { kind: "INITIATIVE" }, include: { texts: true } });
    for (const country of FOUNDING_CHAMPIONS) {
      const n = initiatives.filter((c) => c.country === country).length;
      expect(n, country).toBeGreaterThanOrEqual(3);
      expect(n, country).toBeLessThanOrEqual(4);
    }
    expect(new Set(initiatives.flatMap((c) => c.texts.map((t) => t.language)))).toEqual(new Set(["es", "en", "pt", "fr"]));
    // Every text says it is an example.
    for (const t of initiatives.flatMap((c) => c.texts)) expect(t.description).toMatch(/ilustrativ|Illustrative|illustratif/);
  });

  it("has a stalled initiative, one not updated for more than 90 days, and a revision for every change", async () => {
    const now = new Date();
    const all = await db.commitment.findMany({ include: { revisions: true, updates: true } });
    expect(all.some((c) => c.status === "STALLED")).toBe(true);
    expect(all.filter((c) => isNotUpdated(c, now)).map((c) => c.id).sort()).toEqual([demoInitiativeId("sv-remesas-inclusion-financiera"), demoChampionId("recommendation:development")].sort());
    for (const c of all) {
      expect(c.revisions.map((r) => r.revision).sort((a, b) => a - b)).toEqual(Array.from({ length: c.revision }, (_, i) => i + 1));
      expect(c.revision).toBe(1 + c.updates.length);
      for (const r of c.revisions) commitmentSnapshotSchema.parse(r.snapshot);
    }
  });

  it("has assessments that agree and disagree with the government's account, a pending and a declined suggestion", async () => {
    const assessments = await db.assessment.findMany({ include: { commitment: true } });
    expect(assessments.some((a) => a.progress === a.commitment.status)).toBe(true);
    expect(assessments.some((a) => a.progress !== a.commitment.status)).toBe(true);
    expect((await db.initiativeSuggestion.findUniqueOrThrow({ where: { id: demoSuggestionId("sv-becas-hijos-migrantes") } })).status).toBe("PENDING");
    expect((await db.initiativeSuggestion.findUniqueOrThrow({ where: { id: demoSuggestionId("mx-ventanilla-duplicada") } })).status).toBe("DECLINED");
  });

  it("follows up the recommendations of the previous review's final report: every addressee, paragraphs of the final, updates and assessments", async () => {
    const final = await db.reportVersion.findUniqueOrThrow({ where: { number: DEMO_FINAL_REPORT.number }, include: { paragraphs: true, translations: true } });
    expect(final.status).toBe("FINAL");
    expect(final.finalAt!.getTime()).toBeLessThan(Date.now() - 365 * 86_400_000);
    expect(final.translations.map((t) => t.language)).toEqual(["en"]);
    // The current cycle's open version came later: opening it superseded nothing of the final.
    const open = await db.reportVersion.findFirstOrThrow({ where: { status: "OPEN" } });
    expect(open.number).toBeGreaterThan(final.number);

    const recommendations = await db.commitment.findMany({ where: { kind: "RECOMMENDATION" }, include: { texts: true, updates: true, assessments: true } });
    expect(recommendations).toHaveLength(DEMO_RECOMMENDATIONS.length);
    expect(new Set(recommendations.map((r) => r.addressee))).toEqual(new Set(["STATES", "IOM", "ECLAC", "ALL"]));
    const paragraphs = new Map(final.paragraphs.map((p) => [p.anchor, p]));
    for (const r of recommendations) {
      expect(r.reportVersionId).toBe(final.id);
      // A recommendation is a paragraph of the final report, never a heading.
      expect(paragraphs.get(r.paragraphAnchor!)?.headingLevel, r.paragraphAnchor!).toBeNull();
      expect(r.texts.map((t) => t.language).sort()).toEqual(["en", "es"]);
      expect(r.texts.find((t) => t.language === "es")!.description).toContain(paragraphs.get(r.paragraphAnchor!)!.text);
    }
    expect(recommendations.some((r) => r.status === "STALLED")).toBe(true);
    expect(recommendations.some((r) => r.status === "COMPLETED")).toBe(true);
    const assessed = recommendations.flatMap((r) => r.assessments.map((a) => ({ agrees: a.progress === r.status })));
    expect(assessed.some((a) => a.agrees) && assessed.some((a) => !a.agrees)).toBe(true);
    expect(recommendations.filter((r) => r.updates.length > 0)).toHaveLength(recommendations.length);

    // What /report/follow-up lists, in English and filtered.
    const list = await listRecommendations({}, "en");
    expect(list.total).toBe(DEMO_RECOMMENDATIONS.length);
    expect(list.items.map((i) => i.titleLanguage)).toEqual(list.items.map(() => "en"));
    expect((await listRecommendations({ addressee: "IOM" }, "es")).items.map((i) => i.id)).toEqual([demoChampionId("recommendation:data")]);
    // The page names the report they come from.
    expect(await recommendationSources()).toEqual([{ number: DEMO_FINAL_REPORT.number, title: DEMO_FINAL_REPORT.title, language: "es", finalAt: final.finalAt }]);
    const marked = await db.auditEntry.findMany({ where: { action: "commitment.recommendation_marked", isPublic: true } });
    expect(marked.map((e) => (e.data as { versionNumber: number }).versionNumber)).toEqual(recommendations.map(() => DEMO_FINAL_REPORT.number));
  });

  it("writes only audit rows that parse, and keeps the pending suggestion out of the public log", async () => {
    const rows = await db.auditEntry.findMany({ where: { OR: [{ action: { startsWith: "champion." } }, { action: { startsWith: "commitment." } }, { action: { startsWith: "assessment." } }, { action: { startsWith: "suggestion." } }] } });
    expect(rows.length).toBeGreaterThan(30);
    for (const row of rows) expect(parseAuditEvent(row), row.action).not.toBeNull();
    const pending = await db.auditEntry.findMany({ where: { entityId: demoSuggestionId("sv-becas-hijos-migrantes") } });
    expect(pending.map((e) => e.isPublic)).toEqual([false]);
  });
});
