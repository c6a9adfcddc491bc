import { z } from "zod";
import { db } from "@/lib/db/client";
import { canReviewProposals } from "./policy";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ProposalStatus } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { forbidden } from "@/lib/errors";
import { isCountryCode } from "@/lib/i18n/countries";
import { locales } from "@/i18n/routing";
import { OPEN_STATUSES, PUBLIC_STATUSES, publicProposalWhere } from "./visibility";

// The review desk: the queue committee members and staff work through. Lifecycle actions live
// on the proposal's page; this is where they find what to take up next.

export const DESK_PAGE_SIZE = 50;

/** Committee members with an active term and staff (admins included). */
/** The desk is for those who review proposals (lib/proposals/policy.ts). */
export const canUseDesk = canReviewProposals;

/**
 * The viewer's organization wrote it: they may read it here, but not decide on it. The
 * organizations of their memberships and the one their committee term represents count.
 */
export function conflictOrganizationIds(actor: Actor): Set<string> {
  const ids = new Set(actor.memberships.map((m) => m.organizationId));
  if (actor.committeeTerm?.organizationId) ids.add(actor.committeeTerm.organizationId);
  return ids;
}

const one = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const blank = (value: unknown) => {
  const v = one(value);
  return typeof v === "string" && v.trim() === "" ? undefined : v;
};

/** Filters from the URL (GET form): anything unknown is ignored, never an error. */
export const deskFiltersSchema = z.object({
  objective: z.preprocess(blank, z.coerce.number().int().min(1).max(23).optional().catch(undefined)),
  country: z.preprocess(
    (v) => {
      const value = blank(v);
      return typeof value === "string" ? value.trim().toUpperCase() : value;
    },
    z.string().refine(isCountryCode).optional().catch(undefined),
  ),
  language: z.preprocess(blank, z.enum(locales).optional().catch(undefined)),
  /** Without a state, the queue: submitted then under review. */
  state: z.preprocess(blank, z.enum(PUBLIC_STATUSES as [ProposalStatus, ...ProposalStatus[]]).optional().catch(undefined)),
});
export type DeskFilters = z.output<typeof deskFiltersSchema>;

/** The queue rows: what a reviewer needs to choose, never private data. */
const deskSelect = {
  id: true,
  title: true,
  status: true,
  language: true,
  objectives: true,
  countries: true,
  submittedAt: true,
  createdAt: true,
  cosponsorCount: true,
  organization: { select: { id: true, name: true, slug: true } },
} as const satisfies Prisma.ProposalSelect;

export type DeskRow = Prisma.ProposalGetPayload<{ select: typeof deskSelect }> & { conflictOfInterest: boolean };

/**
 * The desk: public proposals (never a draft, never from an organization that is not verified),
 * by default the submitted ones oldest first and then those under review oldest first; filtered
 * by objective, country, language and state. With it, the number of proposals in each state
 * for the same filters (one groupBy). Four queries (the page, its organizations, the total, the
 * count by state), whatever the size of the table.
 */
export async function listDeskQueue(actor: Actor | null, rawFilters: unknown, page = 1, pageSize = DESK_PAGE_SIZE) {
  if (!canUseDesk(actor)) throw forbidden();
  const filters = deskFiltersSchema.parse(rawFilters ?? {});
  const safePage = Math.max(1, Math.floor(page) || 1);

  const base: Prisma.ProposalWhereInput[] = [publicProposalWhere];
  if (filters.objective !== undefined) base.push({ objectives: { has: filters.objective } });
  if (filters.country !== undefined) base.push({ countries: { has: filters.country } });
  if (filters.language !== undefined) base.push({ language: filters.language });
  const where: Prisma.ProposalWhereInput = {
    AND: [...base, { status: filters.state !== undefined ? filters.state : { in: OPEN_STATUSES } }],
  };

  const [rows, total, groups] = await Promise.all([
    db.proposal.findMany({
      where,
      select: deskSelect,
      // The enum's order puts SUBMITTED before UNDER_REVIEW; the oldest submission first.
      orderBy: [{ status: "asc" }, { submittedAt: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }, { id: "asc" }],
      skip: (safePage - 1) * pageSize,
      take: pageSize,
    }),
    db.proposal.count({ where }),
    db.proposal.groupBy({ by: ["status"], where: { AND: base }, _count: { _all: true } }),
  ]);

  const conflicts = conflictOrganizationIds(actor);
  const counts = Object.fromEntries(PUBLIC_STATUSES.map((s) => [s, 0])) as Record<ProposalStatus, number>;
  for (const g of groups) counts[g.status] = g._count._all;

  return {
    items: rows.map((row): DeskRow => ({ ...row, conflictOfInterest: conflicts.has(row.organization.id) })),
    total,
    page: safePage,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
    filters,
    /** Proposals in each public state, for the same objective, country and language. */
    counts,
  };
}

export type DeskQueue = Awaited<ReturnType<typeof listDeskQueue>>;
