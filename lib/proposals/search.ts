import { z } from "zod";
import { locales } from "@/i18n/locales";
import { cachedRead } from "@/lib/cache/query-cache";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Locale, OrganizationType, ProposalStatus, Subregion } from "@/lib/generated/prisma/enums";
import { isCountryCode, type CountryCount } from "@/lib/i18n/countries";
import { queryInt, queryText } from "@/lib/validation/text";
import { PUBLIC_STATUSES } from "./visibility";

// Ten a page keeps the list's HTML under 60 KB (issue 16): with 100,000 proposals one finds one by
// searching and filtering, not by paging.
export const PROPOSALS_PAGE_SIZE = 10;
// Deep pages cost an OFFSET scan (up to 10,000 rows); past this, a narrower search is the better answer.
export const MAX_PAGE = 1000;

const flag = z
  .union([z.literal("1"), z.literal("on"), z.literal("true")])
  .optional()
  .catch(undefined)
  .transform((v) => (v ? true : undefined));

const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values).optional().catch(undefined);

/**
 * The list's filters, read from the URL. Bad values are dropped rather than refused: a
 * shared link with a stale filter still shows a list.
 */
export const proposalFiltersSchema = z.object({
  // Cleaned like every stored text: a NUL byte would make PostgreSQL refuse the whole query.
  q: queryText({ max: 200 }),
  objective: queryInt({ min: 1, max: 23 }),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .optional()
    .catch(undefined)
    .transform((v) => (v && isCountryCode(v) ? v : undefined)),
  subregion: optionalEnum(["MEXICO_CENTRAL_AMERICA", "CARIBBEAN", "ANDEAN", "SOUTHERN_CONE_BRAZIL", "DIASPORA"] as const),
  type: optionalEnum(["REGIONAL_NETWORK", "CSO", "MIGRANT_LED", "DIASPORA", "ACADEMIA", "OTHER"] as const),
  status: optionalEnum(PUBLIC_STATUSES as [ProposalStatus, ...ProposalStatus[]]),
  language: optionalEnum(locales),
  session: z.uuid().optional().catch(undefined),
  children: flag,
  gender: flag,
  irregular: flag,
  sort: optionalEnum(["relevance", "newest", "cosponsored", "answered"] as const),
  page: queryInt({ min: 1, max: MAX_PAGE }),
});
export type ProposalFilters = z.output<typeof proposalFiltersSchema>;

/** The filters as URL query values, so pagination and language links keep them. */
export function proposalFiltersToQuery(f: ProposalFilters): Record<string, string | undefined> {
  return {
    q: f.q,
    objective: f.objective?.toString(),
    country: f.country,
    subregion: f.subregion,
    type: f.type,
    status: f.status,
    language: f.language,
    session: f.session,
    children: f.children ? "1" : undefined,
    gender: f.gender ? "1" : undefined,
    irregular: f.irregular ? "1" : undefined,
    sort: f.sort,
  };
}

/** Reads the first value of each query parameter into the filters. */
export function parseProposalFilters(searchParams: Record<string, string | string[] | undefined>): ProposalFilters {
  const first = Object.fromEntries(Object.entries(searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  return proposalFiltersSchema.parse(first);
}

export type ProposalListItem = {
  id: string;
  title: string;
  summary: string;
  language: Locale;
  objectives: number[];
  countries: string[];
  status: ProposalStatus;
  submittedAt: Date | null;
  answeredAt: Date | null;
  cosponsorCount: number;
  organizationName: string;
  organizationSlug: string;
  organizationType: OrganizationType;
  organizationSubregion: Subregion;
};

// A reader's words are matched in every language's configuration (stemmed, accents removed)
// and unstemmed, so "migracion" finds "migración" and "migrações" finds "migração".
const tsquery = (q: string) => Prisma.sql`(
  websearch_to_tsquery('puente_es'::regconfig, ${q}) || websearch_to_tsquery('puente_pt'::regconfig, ${q}) ||
  websearch_to_tsquery('puente_en'::regconfig, ${q}) || websearch_to_tsquery('puente_fr'::regconfig, ${q}) ||
  websearch_to_tsquery('puente_simple'::regconfig, ${q}))`;

function whereClause(f: ProposalFilters): Prisma.Sql {
  const conditions: Prisma.Sql[] = [
    Prisma.sql`o.status = 'VERIFIED'`,
    // "Not a draft" is what PUBLIC_STATUSES means (a unit test holds them together), written
    // as the partial indexes' predicate so the planner can use them.
    f.status ? Prisma.sql`p.status = ${f.status}::"ProposalStatus"` : Prisma.sql`p.status <> 'DRAFT'`,
  ];
  if (f.q) conditions.push(Prisma.sql`p.search @@ ${tsquery(f.q)}`);
  if (f.objective) conditions.push(Prisma.sql`p.objectives @> ARRAY[${f.objective}]::int[]`);
  if (f.country) conditions.push(Prisma.sql`p.countries @> ARRAY[${f.country}]::varchar[]`);
  if (f.subregion) conditions.push(Prisma.sql`o.subregion = ${f.subregion}::"Subregion"`);
  if (f.type) conditions.push(Prisma.sql`o.type = ${f.type}::"OrganizationType"`);
  if (f.language) conditions.push(Prisma.sql`p.language = ${f.language}::"Locale"`);
  // A draft session is for staff only: filtering by one finds nothing rather than hinting at it.
  if (f.session) {
    conditions.push(
      Prisma.sql`p."sessionId" = ${f.session}::uuid AND EXISTS (SELECT 1 FROM "ReviewSession" s WHERE s.id = p."sessionId" AND s.status <> 'DRAFT')`,
    );
  }
  if (f.children) conditions.push(Prisma.sql`p."concernsChildren"`);
  if (f.gender) conditions.push(Prisma.sql`p."concernsGender"`);
  if (f.irregular) conditions.push(Prisma.sql`p."concernsIrregular"`);
  return Prisma.join(conditions, " AND ");
}

function orderClause(f: ProposalFilters): Prisma.Sql {
  const sort = f.sort ?? (f.q ? "relevance" : "newest");
  switch (sort) {
    case "relevance":
      return f.q
        ? Prisma.sql`ts_rank(p.search, ${tsquery(f.q)}) DESC, p."submittedAt" DESC NULLS LAST, p.id`
        : Prisma.sql`p."submittedAt" DESC NULLS LAST, p.id`;
    case "cosponsored":
      return Prisma.sql`p."cosponsorCount" DESC, p."submittedAt" DESC NULLS LAST, p.id`;
    case "answered":
      return Prisma.sql`p."answeredAt" DESC NULLS LAST, p."submittedAt" DESC NULLS LAST, p.id`;
    default:
      return Prisma.sql`p."submittedAt" DESC NULLS LAST, p.id`;
  }
}

/**
 * The public list: two SQL queries whatever the size (the page and its count). Only public
 * proposals of verified organizations; filters as in the URL.
 */
export async function searchProposals(filters: ProposalFilters, pageSize = PROPOSALS_PAGE_SIZE) {
  return cachedRead("proposals.search", [filters, pageSize], () => readSearchProposals(filters, pageSize));
}

async function readSearchProposals(filters: ProposalFilters, pageSize = PROPOSALS_PAGE_SIZE) {
  const page = filters.page ?? 1;
  const where = whereClause(filters);
  const [items, countRows] = await Promise.all([
    db.$queryRaw<ProposalListItem[]>`
      SELECT p.id, p.title, p.summary, p.language, p.objectives, p.countries, p.status,
             p."submittedAt", p."answeredAt", p."cosponsorCount",
             o.name AS "organizationName", o.slug AS "organizationSlug",
             o.type AS "organizationType", o.subregion AS "organizationSubregion"
      FROM "Proposal" p JOIN "Organization" o ON o.id = p."organizationId"
      WHERE ${where}
      ORDER BY ${orderClause(filters)}
      LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
    db.$queryRaw<{ total: bigint }[]>`
      SELECT count(*) AS total FROM "Proposal" p JOIN "Organization" o ON o.id = p."organizationId" WHERE ${where}`,
  ]);
  const total = Number(countRows[0]?.total ?? 0);
  return { items, total, page, pageCount: Math.min(MAX_PAGE, Math.max(1, Math.ceil(total / pageSize))) };
}

/**
 * The countries public proposals name, with how many name each: the list's country filter
 * offers these rather than all 250. One query.
 */
export async function publicProposalCountries(): Promise<CountryCount[]> {
  return cachedRead("proposals.countries", null, () => readPublicProposalCountries());
}

async function readPublicProposalCountries(): Promise<CountryCount[]> {
  const rows = await db.$queryRaw<{ country: string; count: bigint }[]>`
    SELECT c AS country, count(*) AS count
    FROM "Proposal" p JOIN "Organization" o ON o.id = p."organizationId" CROSS JOIN LATERAL unnest(p.countries) AS c
    WHERE ${whereClause(proposalFiltersSchema.parse({}))}
    GROUP BY c`;
  return rows.map((r) => ({ country: r.country, count: Number(r.count) }));
}

/** The SQL plan of a search, for the test that proves the index is used. */
export async function explainSearch(filters: ProposalFilters): Promise<string> {
  const rows = await db.$queryRaw<{ "QUERY PLAN": string }[]>`
    EXPLAIN SELECT p.id FROM "Proposal" p JOIN "Organization" o ON o.id = p."organizationId"
    WHERE ${whereClause(filters)} ORDER BY ${orderClause(filters)} LIMIT ${PROPOSALS_PAGE_SIZE}`;
  return rows.map((r) => r["QUERY PLAN"]).join("\n");
}
