import { db } from "@/lib/db/client";
import { assessmentContentSelect } from "@/lib/champions/commitment-queries";
import { readableAssessmentWhere } from "@/lib/champions/queries";
import type { Cell } from "@/lib/monitoring/aggregates";
import { countPublishedSummaries, publicAggregates, publishedSummariesAfter } from "@/lib/monitoring/public-queries";
import { afterId, fields, isoDay, UUID_PATTERN, type Dataset, type Row } from "../types";

// Champion initiatives and the report's follow-up, assessments, and monitoring's published
// summaries and suppressed figures, read with the same rules as their pages.

export const commitments: Dataset = {
  name: "commitments",
  fields: fields(
    "id:string",
    "kind:string",
    "country:string?",
    "publicBody:string?",
    "addressee:string?",
    "reportVersionId:string?",
    "paragraphAnchor:string?",
    "objectives:array<integer>",
    "status:string",
    "inclusion:string",
    "inclusionEvidence:string?",
    "title:object",
    "description:object",
    "lastUpdatedAt:datetime",
    "createdAt:datetime",
  ),
  idPattern: UUID_PATTERN,
  async page(after, limit) {
    const rows = await db.commitment.findMany({
      where: afterId(after),
      orderBy: { id: "asc" },
      take: limit,
      select: {
        id: true,
        kind: true,
        country: true,
        publicBody: true,
        addressee: true,
        reportVersionId: true,
        paragraphAnchor: true,
        objectives: true,
        status: true,
        inclusion: true,
        inclusionEvidence: true,
        lastUpdatedAt: true,
        createdAt: true,
        texts: { select: { language: true, title: true, description: true } },
      },
    });
    return rows.map(({ texts, ...r }) => ({
      ...r,
      country: r.country?.trim() ?? null,
      title: Object.fromEntries(texts.map((t) => [t.language, t.title])),
      description: Object.fromEntries(texts.map((t) => [t.language, t.description])),
      lastUpdatedAt: r.lastUpdatedAt.toISOString(),
      createdAt: r.createdAt.toISOString(),
    }));
  },
  count: () => db.commitment.count(),
};

export const commitmentUpdates: Dataset = {
  name: "commitment-updates",
  fields: fields("id:string", "commitmentId:string", "reportedOn:date", "language:string", "body:string", "status:string?", "createdAt:datetime"),
  idPattern: UUID_PATTERN,
  async page(after, limit) {
    const rows = await db.commitmentUpdate.findMany({
      where: afterId(after),
      orderBy: { id: "asc" },
      take: limit,
      select: { id: true, commitmentId: true, reportedOn: true, language: true, body: true, status: true, createdAt: true },
    });
    return rows.map((r) => ({ ...r, reportedOn: isoDay(r.reportedOn) ?? "", createdAt: r.createdAt.toISOString() }));
  },
  count: () => db.commitmentUpdate.count(),
};

// A visitor's view: hidden assessments reach no one but staff.
const assessmentWhere = readableAssessmentWhere(null);

export const assessments: Dataset = {
  name: "assessments",
  fields: fields(
    "id:string",
    "commitmentId:string",
    "organizationId:string",
    "language:string",
    "progress:string",
    "progressNote:string?",
    "inclusion:string",
    "inclusionNote:string?",
    "rightsCentred:string",
    "rightsNote:string",
    "evidence:string?",
    "createdAt:datetime",
    "updatedAt:datetime",
  ),
  idPattern: UUID_PATTERN,
  async page(after, limit) {
    const rows = await db.assessment.findMany({
      where: { AND: [assessmentWhere, afterId(after)] },
      orderBy: { id: "asc" },
      take: limit,
      select: { ...assessmentContentSelect, commitmentId: true, organizationId: true },
    });
    return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString() }));
  },
  count: () => db.assessment.count({ where: assessmentWhere }),
};

// Sources of an initiative or recommendation, of its dated updates, and of the assessments a
// visitor reads in full (a hidden assessment's links are hidden with it).
const sourceSelect = { id: true, title: true, publisher: true, publishedOn: true, url: true } as const;
const sourceWhere = { OR: [{ commitmentId: { not: null } }, { updateId: { not: null } }, { assessment: assessmentWhere }] };

export const commitmentSources: Dataset = {
  name: "commitment-sources",
  fields: fields("id:string", "commitmentId:string", "updateId:string?", "assessmentId:string?", "position:integer", "title:string", "publisher:string?", "publishedOn:date?", "url:string"),
  idPattern: UUID_PATTERN,
  async page(after, limit) {
    const rows = await db.commitmentSource.findMany({
      where: { AND: [sourceWhere, afterId(after)] },
      orderBy: { id: "asc" },
      take: limit,
      select: { ...sourceSelect, commitmentId: true, updateId: true, assessmentId: true, position: true, update: { select: { commitmentId: true } }, assessment: { select: { commitmentId: true } } },
    });
    // Every row names its initiative or recommendation, whichever of the three it belongs to.
    return rows.map(({ update, assessment, ...r }) => ({
      ...r,
      commitmentId: r.commitmentId ?? update?.commitmentId ?? assessment?.commitmentId ?? "",
      publishedOn: isoDay(r.publishedOn),
    }));
  },
  count: () => db.commitmentSource.count({ where: sourceWhere }),
};

export const monitoringSummaries: Dataset = {
  name: "monitoring-summaries",
  fields: fields("id:string", "language:string", "title:string", "body:string", "country:string", "region:string?", "month:string", "categories:array<string>", "publishedAt:datetime"),
  idPattern: UUID_PATTERN,
  async page(after, limit) {
    const rows = await publishedSummariesAfter(after, limit);
    // A month, never a day.
    return rows.map((r) => ({ ...r, month: r.month.toISOString().slice(0, 7), publishedAt: r.publishedAt.toISOString() }));
  },
  count: countPublishedSummaries,
};

/** One cell of the public tables, as the monitoring page shows it: a figure, "fewer than 5", or hidden. */
const cellRow = (id: string, table: string, country: string, key: string, cell: Cell): Row => ({
  id,
  table,
  country,
  key,
  count: cell.kind === "shown" ? cell.value : null,
  suppressed: cell.kind === "small" ? "fewer-than-5" : cell.kind === "hidden" ? "hidden" : null,
});

/** Every published figure, already suppressed by publicAggregates (raw counts never leave it). */
async function aggregateRows(): Promise<Row[]> {
  const a = await publicAggregates();
  const rows: Row[] = [];
  a.countries.forEach((country, i) => {
    a.quarters.forEach((quarter, j) => rows.push(cellRow(`quarter.${country}.${quarter}`, "quarter", country, quarter, a.byQuarter.cells[i][j])));
    rows.push(cellRow(`quarter.${country}.total`, "quarter", country, "total", a.byQuarter.countryTotals[i]));
    a.byCategory.categories.forEach((category, j) => rows.push(cellRow(`category.${country}.${category}`, "category", country, category, a.byCategory.cells[i][j])));
  });
  return rows.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
}

export const monitoringAggregates: Dataset = {
  name: "monitoring-aggregates",
  fields: fields("id:string", "table:string", "country:string", "key:string", "count:integer?", "suppressed:string?"),
  idPattern: /^(quarter|category)\.[A-Z]{2}\.[A-Za-z0-9_-]{1,40}$/,
  // A small table (countries × quarters and categories): computed whole, then paged.
  async page(after, limit) {
    const rows = await aggregateRows();
    return rows.filter((r) => after === null || r.id > after).slice(0, limit);
  },
  count: async () => (await aggregateRows()).length,
};
