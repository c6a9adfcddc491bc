import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Locale, MonitoringCategory } from "@/lib/generated/prisma/enums";
import { suppressTable, type Cell } from "./aggregates";
import { MONITORING_CATEGORIES, SUMMARIES_PAGE_SIZE, periodRange, quarterOf, quarterRange, type MonitoringFilters } from "./public-filters";

// Everything the public monitoring pages read. The confidential report is joined only for
// `consentPublish` and `status`; its sealed content is never selected.
//
// WHAT IS COUNTED: a case counts when its redacted summary is PUBLISHED (two reviewers agreed on
// it), its reporter consented to publication, and it is not marked a duplicate. The figures are
// therefore exactly the summaries anyone can read in the list: nothing enters a count that the
// reporter did not consent to or that was not reviewed. Verified cases without consent are not
// counted at all, even suppressed: a count of unconsented cases in a small country can itself
// expose a reporter, and the safer definition costs only completeness, which the methodology page
// says openly (most incidents are never reported anyway).
//
// The tables are always over every published case, whatever the page's filters: the same table
// (and the same suppression) everywhere, so two differently filtered tables cannot be subtracted
// from each other to reveal a hidden cell. Filters narrow only the list of summaries.

const publicWhere = (filters: Partial<Pick<MonitoringFilters, "country" | "category" | "period">> = {}) => {
  const conditions = [Prisma.sql`s.status = 'PUBLISHED'`, Prisma.sql`r."consentPublish" = true`, Prisma.sql`r.status <> 'DUPLICATE'`];
  if (filters.country) conditions.push(Prisma.sql`s.country = ${filters.country}`);
  if (filters.category) conditions.push(Prisma.sql`${filters.category}::"MonitoringCategory" = ANY(s.categories)`);
  const range = filters.period ? periodRange(filters.period) : null;
  if (range) conditions.push(Prisma.sql`s.month >= ${range.from}::date AND s.month < ${range.to}::date`);
  return Prisma.join(conditions, " AND ");
};

const FROM = Prisma.sql`"MonitoringSummary" s JOIN "MonitoringReport" r ON r.id = s."reportId"`;

export type PublicSummary = {
  id: string;
  language: Locale;
  title: string;
  body: string;
  country: string;
  region: string | null;
  /** The first day of the month (UTC): show the month, never a day. */
  month: Date;
  categories: MonitoringCategory[];
  publishedAt: Date;
};

type SummaryRow = Omit<PublicSummary, "publishedAt"> & { publishedAt: Date | null; updatedAt: Date };

// Only the public fields; enum columns as text (the driver returns enum arrays as strings).
const SUMMARY_COLUMNS = Prisma.sql`s.id::text AS id, s.language::text AS language, s.title, s.body, s.country, s.region, s.month,
  s.categories::text[] AS categories, s."publishedAt", s."updatedAt"`;

const toSummary = (row: SummaryRow): PublicSummary => ({
  id: row.id,
  language: row.language,
  title: row.title,
  body: row.body,
  country: row.country.trim(),
  region: row.region,
  month: row.month,
  categories: row.categories,
  publishedAt: row.publishedAt ?? row.updatedAt,
});

/** Published summaries matching the filters, newest month first, 20 a page. Two queries. */
export async function listPublishedSummaries(filters: MonitoringFilters): Promise<{ items: PublicSummary[]; total: number; page: number; pageCount: number }> {
  const where = publicWhere(filters);
  const [{ count }] = await db.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count FROM ${FROM} WHERE ${where}`;
  const pageCount = Math.max(1, Math.ceil(count / SUMMARIES_PAGE_SIZE));
  const page = Math.min(filters.page ?? 1, pageCount);
  const rows = await db.$queryRaw<SummaryRow[]>`SELECT ${SUMMARY_COLUMNS} FROM ${FROM} WHERE ${where}
    ORDER BY s.month DESC, s."publishedAt" DESC NULLS LAST, s.id LIMIT ${SUMMARIES_PAGE_SIZE} OFFSET ${(page - 1) * SUMMARIES_PAGE_SIZE}`;
  return { items: rows.map(toSummary), total: count, page, pageCount };
}

/** The newest published summaries (by publication), for the Atom feed and the home page. */
export async function latestPublishedSummaries(limit: number, country?: string): Promise<PublicSummary[]> {
  const rows = await db.$queryRaw<SummaryRow[]>`SELECT ${SUMMARY_COLUMNS} FROM ${FROM} WHERE ${publicWhere({ country })}
    ORDER BY s."publishedAt" DESC NULLS LAST, s.id LIMIT ${Math.min(Math.max(1, limit), 100)}`;
  return rows.map(toSummary);
}

/**
 * Every published summary in id order, `limit` after `after` (a keyset page): the open data
 * and the API read through the same `publicWhere` and `toSummary` as the pages.
 */
export async function publishedSummariesAfter(after: string | null, limit: number): Promise<PublicSummary[]> {
  const keyset = after ? Prisma.sql`AND s.id > ${after}::uuid` : Prisma.empty;
  const rows = await db.$queryRaw<SummaryRow[]>`SELECT ${SUMMARY_COLUMNS} FROM ${FROM} WHERE ${publicWhere()} ${keyset} ORDER BY s.id LIMIT ${limit}`;
  return rows.map(toSummary);
}

/** How many summaries are published (the same rule). */
export async function countPublishedSummaries(): Promise<number> {
  const [{ count }] = await db.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count FROM ${FROM} WHERE ${publicWhere()}`;
  return count;
}

export type PublicAggregates = {
  /** Countries with at least one counted case, by code. */
  countries: string[];
  /** Every quarter from the first to the last with a counted case ("2026-Q1"). */
  quarters: string[];
  /** Countries × quarters: cases (each case once), suppressed, with totals. */
  byQuarter: { cells: Cell[][]; countryTotals: Cell[]; quarterTotals: Cell[]; total: Cell };
  /** Countries × categories: a case with several categories counts in each, so rows do not add up to cases. */
  byCategory: { categories: MonitoringCategory[]; cells: Cell[][]; categoryTotals: Cell[] };
};

/** The public figures, already suppressed: the raw counts never leave this module. Two grouped queries. */
export async function publicAggregates(): Promise<PublicAggregates> {
  const where = publicWhere();
  const [quarterRows, categoryRows] = await Promise.all([
    db.$queryRaw<{ country: string; month: Date; count: number }[]>`SELECT s.country, date_trunc('quarter', s.month)::date AS month, count(*)::int AS count
      FROM ${FROM} WHERE ${where} GROUP BY 1, 2`,
    db.$queryRaw<{ country: string; category: MonitoringCategory; count: number }[]>`SELECT s.country, c.category::text AS category, count(*)::int AS count
      FROM ${FROM} CROSS JOIN LATERAL unnest(s.categories) AS c(category) WHERE ${where} GROUP BY 1, 2`,
  ]);
  const countries = [...new Set(quarterRows.map((r) => r.country.trim()))].sort();
  const seen = quarterRows.map((r) => quarterOf(r.month)).sort();
  const quarters = seen.length ? quarterRange(seen[0], seen[seen.length - 1]) : [];
  const counts = (keys: string[], rows: { country: string; key: string; count: number }[]) =>
    countries.map((country) => keys.map((key) => rows.filter((r) => r.country.trim() === country && r.key === key).reduce((sum, r) => sum + r.count, 0)));

  const a = suppressTable(counts(quarters, quarterRows.map((r) => ({ country: r.country, key: quarterOf(r.month), count: r.count }))), quarters.length);
  const categories = MONITORING_CATEGORIES;
  const b = suppressTable(counts(categories, categoryRows.map((r) => ({ country: r.country, key: r.category, count: r.count }))), categories.length);
  return {
    countries,
    quarters,
    byQuarter: { cells: a.cells, countryTotals: a.rowTotals, quarterTotals: a.columnTotals, total: a.total },
    byCategory: { categories, cells: b.cells, categoryTotals: b.columnTotals },
  };
}

/** One country's row of the public tables (the same suppression as on /monitoring), or null when it has no counted case. */
export async function countryAggregates(country: string): Promise<{ total: Cell; byCategory: { category: MonitoringCategory; cell: Cell }[] } | null> {
  const all = await publicAggregates();
  const i = all.countries.indexOf(country.toUpperCase());
  if (i === -1) return null;
  return { total: all.byQuarter.countryTotals[i], byCategory: all.byCategory.categories.map((category, j) => ({ category, cell: all.byCategory.cells[i][j] })) };
}
