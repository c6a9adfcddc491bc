import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { MonitoringCaseStatus, MonitoringCategory, MonitoringSummaryStatus } from "@/lib/generated/prisma/enums";

// Outside Next there is no request config: the feed's translations come from the real catalogues.
vi.mock("next-intl/server", () => import("../helpers/next-intl-server"));

const { GET } = await import("@/app/[locale]/monitoring/feed.xml/route");
const { db } = await import("@/lib/db/client");
const { seal } = await import("@/lib/monitoring/crypto");
const { parseMonitoringFilters, MONITORING_CATEGORIES, SUMMARIES_PAGE_SIZE } = await import("@/lib/monitoring/public-filters");
const { suppressTable } = await import("@/lib/monitoring/aggregates");
const { countryAggregates, latestPublishedSummaries, listPublishedSummaries, publicAggregates } = await import("@/lib/monitoring/public-queries");
const { buildWorld, resetDatabase } = await import("../helpers/factories");
const { parseAtom, text } = await import("../helpers/atom");

// Every confidential string carries SECRET; every summary that must stay private carries PRIVATE.
const SECRET = "SECRET-MARKER";
const PRIVATE = "PRIVATE-MARKER";

let n = 0;
async function report(options: {
  country: string;
  categories?: MonitoringCategory[];
  status?: MonitoringCaseStatus;
  consentPublish?: boolean;
  summary?: { status: MonitoringSummaryStatus; month: string; title?: string; region?: string };
  writerId: string;
  approverId: string;
}) {
  n++;
  const { sealed, keyId } = seal({ narrative: `${SECRET} narrative ${n}`, place: `${SECRET} street ${n}`, contact: `${SECRET}-${n}@example.org`, affected: 1 }, "MonitoringReport");
  const categories = options.categories ?? ["DETENTION"];
  const row = await db.monitoringReport.create({
    data: {
      receiptHash: randomBytes(32).toString("hex"),
      country: options.country,
      occurredFrom: new Date("2026-02-14"),
      categories,
      perpetrator: "STATE_AGENTS",
      objectives: [],
      language: "es",
      sealed: new Uint8Array(sealed),
      keyId,
      hasContact: true,
      consentPublish: options.consentPublish ?? true,
      status: options.status ?? "VERIFIED",
      referredTo: `${SECRET} referral`,
    },
  });
  const s = options.summary;
  if (s) {
    const isPublic = s.status === "PUBLISHED" && (options.consentPublish ?? true) && options.status !== "DUPLICATE";
    await db.monitoringSummary.create({
      data: {
        reportId: row.id,
        language: "es",
        title: s.title ?? (isPublic ? `Resumen público ${n}` : `${PRIVATE} título ${n}`),
        body: isPublic ? `Texto público ${n}.` : `${PRIVATE} texto ${n}`,
        country: options.country,
        region: s.region ?? (isPublic ? "Provincia" : `${PRIVATE} región`),
        month: new Date(`${s.month}-01`),
        categories,
        riskChecklist: { [`${SECRET} question`]: true },
        status: s.status,
        writerId: options.writerId,
        approverId: s.status === "PUBLISHED" || s.status === "WITHDRAWN" ? options.approverId : null,
        approvedAt: s.status === "PUBLISHED" ? new Date("2026-05-01T10:00:00Z") : null,
        publishedAt: s.status === "PUBLISHED" ? new Date(`2026-05-${String((n % 27) + 1).padStart(2, "0")}T10:00:00Z`) : null,
      },
    });
  }
  return row;
}

const feed = async (locale: string) => {
  const response = await GET(new Request(`http://localhost:3000/${locale}/monitoring/feed.xml`), { params: Promise.resolve({ locale }) });
  return { response, xml: await response.text() };
};

describe("the public monitoring pages' data", () => {
  beforeAll(async () => {
    await resetDatabase();
    const { users } = await buildWorld();
    const people = { writerId: users.staff.id, approverId: users.admin.id };
    // Mexico: 7 published cases in 2026-Q1 (detention), 6 in Q2 (two with deportation too).
    for (let i = 0; i < 7; i++) await report({ ...people, country: "MX", summary: { status: "PUBLISHED", month: "2026-01" } });
    for (let i = 0; i < 6; i++) await report({ ...people, country: "MX", categories: i < 2 ? ["DETENTION", "DEPORTATION"] : ["DETENTION"], summary: { status: "PUBLISHED", month: "2026-04" } });
    // Honduras: 3 published cases (a small count), one in Q2.
    for (let i = 0; i < 3; i++) await report({ ...people, country: "HN", categories: ["BORDER_VIOLENCE"], summary: { status: "PUBLISHED", month: i ? "2026-02" : "2026-05" } });
    // None of these may appear or count anywhere.
    await report({ ...people, country: "GT", consentPublish: false, summary: { status: "PUBLISHED", month: "2026-01" } });
    await report({ ...people, country: "SV", summary: { status: "AWAITING_APPROVAL", month: "2026-01" } });
    await report({ ...people, country: "SV", summary: { status: "DRAFT", month: "2026-01" } });
    await report({ ...people, country: "CR", summary: { status: "WITHDRAWN", month: "2026-01" } });
    await report({ ...people, country: "MX", status: "DUPLICATE", summary: { status: "PUBLISHED", month: "2026-01" } });
    for (let i = 0; i < 8; i++) await report({ ...people, country: "PA", status: "VERIFIED" });
    await report({ ...people, country: "NI", status: "REFERRED", consentPublish: false });
  });

  it("lists only published, consented summaries, with their public fields and nothing else", async () => {
    const all = await listPublishedSummaries(parseMonitoringFilters({}));
    expect(all.total).toBe(16);
    expect(new Set(all.items.map((s) => s.country))).toEqual(new Set(["MX", "HN"]));
    expect(Object.keys(all.items[0]).sort()).toEqual(["body", "categories", "country", "id", "language", "month", "publishedAt", "region", "title"]);
    for (const s of all.items) expect(s.month.getUTCDate()).toBe(1);
    const json = JSON.stringify(all);
    expect(json).not.toContain(SECRET);
    expect(json).not.toContain(PRIVATE);
    expect(json).not.toContain("receipt");
  });

  it("filters by country, category and period with bounded, validated parameters", async () => {
    expect((await listPublishedSummaries(parseMonitoringFilters({ country: "hn" }))).total).toBe(3);
    expect((await listPublishedSummaries(parseMonitoringFilters({ category: "deportation" }))).total).toBe(2);
    expect((await listPublishedSummaries(parseMonitoringFilters({ period: "2026-q2" }))).total).toBe(7);
    expect((await listPublishedSummaries(parseMonitoringFilters({ period: "2026", country: "MX" }))).total).toBe(13);
    // The private countries stay empty even when asked for by name.
    for (const country of ["gt", "sv", "cr", "pa", "ni"]) expect((await listPublishedSummaries(parseMonitoringFilters({ country }))).total, country).toBe(0);
    expect(parseMonitoringFilters({ country: "zz", category: "TORTURE", period: "2026-Q5' OR 1=1", page: "99999" })).toEqual({
      country: undefined,
      category: undefined,
      period: undefined,
      page: undefined,
    });
    expect(parseMonitoringFilters({ period: ["2025", "2026"], page: "2" })).toMatchObject({ period: "2025", page: 2 });
    // A page past the end shows the last page.
    const pastTheEnd = await listPublishedSummaries(parseMonitoringFilters({ page: "50" }));
    expect(pastTheEnd.pageCount).toBe(Math.ceil(16 / SUMMARIES_PAGE_SIZE));
    expect(pastTheEnd.page).toBe(pastTheEnd.pageCount);
    expect(pastTheEnd.items.length).toBeGreaterThan(0);
  });

  it("counts only published, consented, non-duplicate cases, and never shows a count under 5", async () => {
    const figures = await publicAggregates();
    expect(figures.countries).toEqual(["HN", "MX"]);
    expect(figures.quarters).toEqual(["2026-Q1", "2026-Q2"]);
    // The raw counts are Honduras 2 and 1, Mexico 7 and 6: exactly the published, consented,
    // non-duplicate cases, and the page gets them only through suppressTable.
    const expected = suppressTable([
      [2, 1],
      [7, 6],
    ]);
    expect(figures.byQuarter).toEqual({ cells: expected.cells, countryTotals: expected.rowTotals, quarterTotals: expected.columnTotals, total: expected.total });
    expect(figures.byQuarter.cells[0]).toEqual([{ kind: "small" }, { kind: "small" }]);
    expect(figures.byQuarter.countryTotals[0]).toEqual({ kind: "small" });
    // With two countries, Honduras' small counts would follow from Mexico's, so Mexico's are withheld too.
    expect(figures.byQuarter.cells[1].every((c) => c.kind === "hidden")).toBe(true);
    // By category: Honduras 3 border violence; Mexico 13 detention, 2 of them deportation too.
    const raw = { HN: { BORDER_VIOLENCE: 3 }, MX: { DETENTION: 13, DEPORTATION: 2 } } as Record<string, Partial<Record<MonitoringCategory, number>>>;
    const byCategory = suppressTable(["HN", "MX"].map((c) => MONITORING_CATEGORIES.map((k) => raw[c][k] ?? 0)));
    expect(figures.byCategory.cells).toEqual(byCategory.cells);
    const cells = [...figures.byQuarter.cells.flat(), ...figures.byQuarter.countryTotals, ...figures.byQuarter.quarterTotals, figures.byQuarter.total, ...figures.byCategory.cells.flat()];
    for (const cell of cells) if (cell.kind === "shown") expect(cell.value === 0 || cell.value >= 5).toBe(true);
    // The grand total counts 16 cases (not the unconsented, unpublished or duplicate ones).
    expect(figures.byQuarter.total).toEqual({ kind: "shown", value: 16 });
    const json = JSON.stringify(figures);
    expect(json).not.toContain(SECRET);
    expect(json).not.toMatch(/"(GT|SV|CR|PA|NI)"/);
  });

  it("gives a champion country its row of the same suppressed tables", async () => {
    const all = await publicAggregates();
    const mx = await countryAggregates("mx");
    expect(mx?.total).toEqual(all.byQuarter.countryTotals[1]);
    expect(mx?.byCategory.map((c) => c.cell)).toEqual(all.byCategory.cells[1]);
    expect(await countryAggregates("PA")).toBeNull();
    expect(await countryAggregates("GT")).toBeNull();
  });

  it("feeds the published summaries in Atom, with no private field", async () => {
    const { response, xml } = await feed("fr");
    expect(response.headers.get("Content-Type")).toContain("application/atom+xml");
    expect(xml).not.toContain(SECRET);
    expect(xml).not.toContain(PRIVATE);
    const { feed: parsed } = parseAtom(xml);
    expect(parsed["@_xml:lang"]).toBe("fr");
    expect(parsed.entry).toHaveLength(16);
    expect(parsed.link.some((l) => l["@_rel"] === "alternate" && l["@_href"] === "http://localhost:3000/fr/monitoring")).toBe(true);
    const first = parsed.entry![0];
    expect(text(first.summary!)).toMatch(/2026/);
    // Months, never days, for the incident: no "14 février" (the reports' own date).
    expect(xml).not.toMatch(/14 févr/);
    expect((await latestPublishedSummaries(100)).length).toBe(16);
    expect((await feed("xx")).response.status).toBe(404);
  });
});
