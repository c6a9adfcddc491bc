import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { isStaff } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CommitmentStatus, FollowSubject, InclusionLevel, Locale } from "@/lib/generated/prisma/enums";
import type { AppLocale } from "@/i18n/routing";
import { COMMITMENTS_PAGE_SIZE, type InitiativeFilters, type RecommendationFilters } from "./filters";
import { isNotUpdated } from "./policy";
import { COMMITMENT_STATUSES, INCLUSION_LEVELS } from "./schemas";
import { pickText } from "./texts";
import { PUBLIC_REPORT_STATUSES } from "@/lib/report/policy";

export { getCommitmentPage, type CommitmentPage, type AssessmentView } from "./commitment-queries";

// Reads for the champion pages and the report's follow-up. Every list is one query (Prisma adds
// one per nested relation), so a page costs the same number of queries whatever the number of
// rows. Hidden assessments are kept out in the `where` for anyone but staff.

/** The ladder, lowest rung first: the order the chart and the filters show. */
const INCLUSION_LADDER: readonly InclusionLevel[] = INCLUSION_LEVELS;
/** The statuses in the order the filters and forms offer them. */
export const COMMITMENT_STATUS_ORDER: readonly CommitmentStatus[] = COMMITMENT_STATUSES;

/** Midnight UTC of `now`'s day: terms are whole days (PostgreSQL `date`). */
export const dayOf = (now: Date) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));

/** A champion term in force on `now`'s day: started, and not ended before it. */
export const activeTermWhere = (now: Date): Prisma.ChampionTermWhereInput => ({
  startsOn: { lte: dayOf(now) },
  OR: [{ endsOn: null }, { endsOn: { gte: dayOf(now) } }],
});

/** Assessments the viewer may read in full: staff every one, anyone else the visible ones. */
export const readableAssessmentWhere = (actor: Actor | null): Prisma.AssessmentWhereInput => (isStaff(actor) ? {} : { hiddenAt: null });

const emptyLadder = (): Record<InclusionLevel, number> => Object.fromEntries(INCLUSION_LADDER.map((level) => [level, 0])) as Record<InclusionLevel, number>;

export type ChampionCountry = { country: string; since: Date; until: Date | null; initiatives: number; inclusion: Record<InclusionLevel, number> };

/**
 * The countries that are champions today, each with its number of initiatives and how many sit
 * on each rung of the inclusion ladder (the government's account). Two queries.
 */
export async function listChampionCountries(now = new Date()): Promise<ChampionCountry[]> {
  const terms = await db.championTerm.findMany({
    where: activeTermWhere(now),
    orderBy: [{ country: "asc" }, { startsOn: "asc" }],
    select: { country: true, startsOn: true, endsOn: true },
  });
  const codes = [...new Set(terms.map((t) => t.country))];
  if (codes.length === 0) return [];
  const counts = await db.commitment.groupBy({
    by: ["country", "inclusion"],
    where: { kind: "INITIATIVE", country: { in: codes } },
    _count: { _all: true },
  });
  return codes.map((country) => {
    const term = terms.find((t) => t.country === country)!;
    const inclusion = emptyLadder();
    for (const row of counts.filter((c) => c.country === country)) inclusion[row.inclusion] = row._count._all;
    return {
      country,
      since: term.startsOn,
      until: term.endsOn,
      initiatives: Object.values(inclusion).reduce((a, b) => a + b, 0),
      inclusion,
    };
  });
}

/**
 * A country's page: its champion terms (all of them, newest first) and whether one is in force.
 * Null when the country has never been a champion and has no initiative (the page is a 404).
 */
export async function getChampionCountry(code: string, now = new Date()) {
  const country = code.toUpperCase();
  if (!/^[A-Z]{2}$/.test(country)) return null;
  const [terms, initiatives] = await Promise.all([
    db.championTerm.findMany({ where: { country }, orderBy: { startsOn: "desc" }, select: { id: true, startsOn: true, endsOn: true } }),
    db.commitment.count({ where: { kind: "INITIATIVE", country } }),
  ]);
  if (terms.length === 0 && initiatives === 0) return null;
  const today = dayOf(now);
  const current = terms.find((t) => t.startsOn <= today && (!t.endsOn || t.endsOn >= today)) ?? null;
  return { country, terms, current, initiatives };
}

/** How many of a country's initiatives sit on each rung of the ladder (the government's account). One query. */
export async function inclusionCounts(country: string): Promise<Record<InclusionLevel, number>> {
  const rows = await db.commitment.groupBy({ by: ["inclusion"], where: { kind: "INITIATIVE", country: country.toUpperCase() }, _count: { _all: true } });
  const counts = emptyLadder();
  for (const row of rows) counts[row.inclusion] = row._count._all;
  return counts;
}

/** Every country that has an initiative, with its count: the country filter's options. */
export async function initiativeCountries(): Promise<{ country: string; count: number }[]> {
  const rows = await db.commitment.groupBy({ by: ["country"], where: { kind: "INITIATIVE", country: { not: null } }, _count: { _all: true } });
  return rows.flatMap((r) => (r.country ? [{ country: r.country, count: r._count._all }] : []));
}

const listSelect = {
  id: true,
  kind: true,
  country: true,
  publicBody: true,
  addressee: true,
  paragraphAnchor: true,
  objectives: true,
  status: true,
  inclusion: true,
  lastUpdatedAt: true,
  createdAt: true,
  reportVersion: { select: { number: true } },
  texts: { select: { language: true, title: true } },
  _count: { select: { assessments: { where: { hiddenAt: null } } } },
} satisfies Prisma.CommitmentSelect;

type ListRow = Prisma.CommitmentGetPayload<{ select: typeof listSelect }>;

export type CommitmentListItem = {
  id: string;
  country: string | null;
  publicBody: string | null;
  addressee: ListRow["addressee"];
  reportVersionNumber: number | null;
  paragraphAnchor: string | null;
  objectives: number[];
  status: CommitmentStatus;
  inclusion: InclusionLevel;
  lastUpdatedAt: Date;
  notUpdated: boolean;
  title: string;
  titleLanguage: Locale | null;
  titleFallback: boolean;
  /** Visible assessments only: the count is the same for every reader. */
  assessments: number;
};

function toListItem(row: ListRow, locale: AppLocale, now: Date): CommitmentListItem {
  const title = pickText(row.texts, locale);
  return {
    id: row.id,
    country: row.country,
    publicBody: row.publicBody,
    addressee: row.addressee,
    reportVersionNumber: row.reportVersion?.number ?? null,
    paragraphAnchor: row.paragraphAnchor,
    objectives: row.objectives,
    status: row.status,
    inclusion: row.inclusion,
    lastUpdatedAt: row.lastUpdatedAt,
    notUpdated: isNotUpdated(row, now),
    title: title?.title ?? "",
    titleLanguage: title?.language ?? null,
    titleFallback: title?.fallback ?? false,
    assessments: row._count.assessments,
  };
}

export type CommitmentList = { items: CommitmentListItem[]; total: number; page: number; pageCount: number };

async function listCommitments(where: Prisma.CommitmentWhereInput, page: number | undefined, locale: AppLocale, now: Date, pageSize: number) {
  const [total, rows] = await Promise.all([
    db.commitment.count({ where }),
    db.commitment.findMany({
      where,
      orderBy: [{ lastUpdatedAt: "desc" }, { id: "asc" }],
      skip: ((page ?? 1) - 1) * pageSize,
      take: pageSize,
      select: listSelect,
    }),
  ]);
  return { items: rows.map((row) => toListItem(row, locale, now)), total, page: page ?? 1, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

/** Initiatives of champion States, most recently updated first, filtered. Three queries. */
export async function searchInitiatives(filters: InitiativeFilters, locale: AppLocale, now = new Date(), pageSize = COMMITMENTS_PAGE_SIZE): Promise<CommitmentList> {
  const where: Prisma.CommitmentWhereInput = {
    kind: "INITIATIVE",
    ...(filters.country ? { country: filters.country } : {}),
    ...(filters.objective ? { objectives: { has: filters.objective } } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.inclusion ? { inclusion: filters.inclusion } : {}),
  };
  return listCommitments(where, filters.page, locale, now, pageSize);
}

/** The follow-up of the final report's recommendations, filtered by addressee and status. Three queries. */
export async function listRecommendations(filters: RecommendationFilters, locale: AppLocale, now = new Date()): Promise<CommitmentList> {
  const where: Prisma.CommitmentWhereInput = {
    kind: "RECOMMENDATION",
    ...(filters.addressee ? { addressee: filters.addressee } : {}),
    ...(filters.status ? { status: filters.status } : {}),
  };
  return listCommitments(where, filters.page, locale, now, COMMITMENTS_PAGE_SIZE);
}

/**
 * The final reports the recommendations come from (usually one; a new review's final report
 * adds its own), newest first, for the follow-up page to name and link. One query.
 */
export async function recommendationSources() {
  return db.reportVersion.findMany({
    where: { commitments: { some: { kind: "RECOMMENDATION" } }, status: { in: PUBLIC_REPORT_STATUSES } },
    orderBy: { number: "desc" },
    select: { number: true, title: true, language: true, finalAt: true },
  });
}

// ─── Feeds: dated updates and new initiatives ───────────────────────────────────────────────

export type FeedEntry = {
  /** Stable across reads: "update:<id>" or "initiative:<id>". */
  id: string;
  kind: "update" | "initiative";
  commitmentId: string;
  country: string | null;
  commitmentTitle: string;
  commitmentTitleLanguage: Locale | null;
  /** The update's own words (the initiative's entry has none). */
  body: string | null;
  bodyLanguage: Locale | null;
  status: CommitmentStatus | null;
  /** When it happened: the date an update speaks of, or when the initiative was entered. */
  date: Date;
};

/**
 * The newest dated updates and new initiatives, for one country or all: the pages' "latest
 * updates" and the Atom feeds. Updates are the government's account (public); no assessment is
 * ever read here. Four queries whatever the limit.
 */
export async function listFeedEntries({ locale, country, limit = 30 }: { locale: AppLocale; country?: string; limit?: number }): Promise<FeedEntry[]> {
  const commitmentWhere: Prisma.CommitmentWhereInput = { kind: "INITIATIVE", ...(country ? { country: country.toUpperCase() } : {}) };
  const titles = { select: { language: true, title: true } } as const;
  const [updates, initiatives] = await Promise.all([
    db.commitmentUpdate.findMany({
      where: { commitment: commitmentWhere },
      orderBy: [{ reportedOn: "desc" }, { createdAt: "desc" }, { id: "asc" }],
      take: limit,
      select: {
        id: true,
        reportedOn: true,
        createdAt: true,
        language: true,
        body: true,
        status: true,
        commitment: { select: { id: true, country: true, texts: titles } },
      },
    }),
    db.commitment.findMany({
      where: commitmentWhere,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      take: limit,
      select: { id: true, country: true, createdAt: true, status: true, texts: titles },
    }),
  ]);
  const entries: FeedEntry[] = [
    ...updates.map((u) => {
      const title = pickText(u.commitment.texts, locale);
      return {
        id: `update:${u.id}`,
        kind: "update" as const,
        commitmentId: u.commitment.id,
        country: u.commitment.country,
        commitmentTitle: title?.title ?? "",
        commitmentTitleLanguage: title?.language ?? null,
        body: u.body,
        bodyLanguage: u.language,
        status: u.status,
        date: u.reportedOn,
      };
    }),
    ...initiatives.map((c) => {
      const title = pickText(c.texts, locale);
      return {
        id: `initiative:${c.id}`,
        kind: "initiative" as const,
        commitmentId: c.id,
        country: c.country,
        commitmentTitle: title?.title ?? "",
        commitmentTitleLanguage: title?.language ?? null,
        body: null,
        bodyLanguage: null,
        status: c.status,
        date: c.createdAt,
      };
    }),
  ];
  return entries.sort((a, b) => b.date.getTime() - a.date.getTime() || a.id.localeCompare(b.id)).slice(0, limit);
}

// ─── The demo notice ────────────────────────────────────────────────────────────────────────

/**
 * Demo data is entered by the demo accounts, whose addresses end in ".example" (a name no real
 * mail domain can have, RFC 2606). So the pages can say the data is illustrative without a
 * setting that a real deployment might forget to turn off. One query.
 */
export async function hasIllustrativeData(): Promise<boolean> {
  const row = await db.commitment.findFirst({ where: { createdBy: { email: { endsWith: ".example" } } }, select: { id: true } });
  return row !== null;
}

// ─── Per-viewer pieces (the action areas) ───────────────────────────────────────────────────

const subjectKey = z.string().min(1).max(64);

/** Whether the actor follows a country (its code) or a commitment (its id). One query. */
export async function isFollowing(actor: Actor | null, subject: FollowSubject, key: string): Promise<boolean> {
  if (!actor || !subjectKey.safeParse(key).success) return false;
  const row = await db.follow.findUnique({ where: { userId_subject_key: { userId: actor.userId, subject, key } }, select: { userId: true } });
  return row !== null;
}

/** Suggestions waiting for staff's decision, oldest first. Empty for anyone but staff. */
export async function listPendingSuggestions(actor: Actor | null) {
  if (!isStaff(actor)) return [];
  return db.initiativeSuggestion.findMany({
    where: { status: "PENDING" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 200,
    select: {
      id: true,
      country: true,
      language: true,
      title: true,
      description: true,
      publicBody: true,
      sourceUrl: true,
      createdAt: true,
      organization: { select: { name: true, slug: true } },
    },
  });
}

/**
 * The final report's paragraphs (not headings), for staff to mark as recommendations, each
 * with the recommendation it already is. Null when there is no final report or the actor is not staff.
 */
export async function listFinalReportParagraphs(actor: Actor | null) {
  if (!isStaff(actor)) return null;
  const version = await db.reportVersion.findFirst({
    where: { status: "FINAL" },
    orderBy: { number: "desc" },
    select: {
      id: true,
      number: true,
      title: true,
      language: true,
      paragraphs: { where: { headingLevel: null }, orderBy: { position: "asc" }, select: { anchor: true, text: true } },
      commitments: { select: { id: true, paragraphAnchor: true } },
    },
  });
  if (!version) return null;
  const marked = new Map(version.commitments.map((c) => [c.paragraphAnchor, c.id]));
  return {
    id: version.id,
    number: version.number,
    title: version.title,
    language: version.language,
    paragraphs: version.paragraphs.map((p) => ({ anchor: p.anchor, text: p.text, recommendationId: marked.get(p.anchor) ?? null })),
  };
}

/** Every champion term, newest first (staff's desk). One query. */
export async function listChampionTerms() {
  return db.championTerm.findMany({ orderBy: [{ startsOn: "desc" }, { country: "asc" }], take: 500, select: { id: true, country: true, startsOn: true, endsOn: true } });
}
