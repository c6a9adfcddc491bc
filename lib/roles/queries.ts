import { isUuid } from "@/lib/validation/ids";
import { db } from "@/lib/db/client";
import { isTermActive } from "@/lib/auth/actor";
import type { SiteRole } from "@/lib/generated/prisma/enums";
import { userSearchSchema } from "./schemas";

// Reads for the admin area. Pages check the actor's rights (lib/auth/guards.ts) before calling
// these: they return emails, which only staff and admins may see.

export type SiteRoleHolder = {
  userId: string;
  name: string;
  email: string;
  roles: { role: SiteRole; grantedAt: Date; grantedByName: string | null }[];
};

/** Everyone holding STAFF or ADMIN, by name, with their roles. One query. */
export async function listSiteRoleHolders(): Promise<SiteRoleHolder[]> {
  const rows = await db.roleAssignment.findMany({
    orderBy: [{ user: { name: "asc" } }, { userId: "asc" }, { role: "asc" }],
    select: {
      role: true,
      createdAt: true,
      grantedBy: { select: { name: true } },
      user: { select: { id: true, name: true, email: true } },
    },
  });
  const byUser = new Map<string, SiteRoleHolder>();
  for (const row of rows) {
    let holder = byUser.get(row.user.id);
    if (!holder) {
      holder = { userId: row.user.id, name: row.user.name, email: row.user.email, roles: [] };
      byUser.set(row.user.id, holder);
    }
    holder.roles.push({ role: row.role, grantedAt: row.createdAt, grantedByName: row.grantedBy?.name ?? null });
  }
  return [...byUser.values()];
}

export type UserSearchResult = { id: string; name: string; email: string; roles: SiteRole[] };

export const USER_SEARCH_LIMIT = 20;

/**
 * Accounts whose email or name contains the text (at least 3 characters, accents and case as typed
 * for names, case-insensitive). Returns [] for a query too short to be useful.
 */
export async function searchUsers(query: string | undefined): Promise<UserSearchResult[]> {
  const parsed = userSearchSchema.safeParse(query ?? "");
  if (!parsed.success) return [];
  const q = parsed.data;
  const rows = await db.user.findMany({
    where: {
      OR: [{ email: { contains: q, mode: "insensitive" } }, { name: { contains: q, mode: "insensitive" } }],
    },
    orderBy: [{ name: "asc" }, { email: "asc" }],
    take: USER_SEARCH_LIMIT,
    select: { id: true, name: true, email: true, roles: { select: { role: true } } },
  });
  return rows.map((r) => ({ id: r.id, name: r.name, email: r.email, roles: r.roles.map((x) => x.role) }));
}

/** One account picked from the search results (?user=<id>), to prefill a grant form. */
export async function findUserForPicking(userId: string | undefined) {
  if (!userId || !isUuid(userId)) return null;
  return db.user.findUnique({ where: { id: userId }, select: { id: true, name: true, email: true } });
}

export type CommitteeTermRow = {
  id: string;
  userId: string;
  userName: string;
  organization: { id: string; name: string; slug: string } | null;
  startsOn: Date;
  endsOn: Date;
  isChair: boolean;
  endedEarlyAt: Date | null;
  grantedByName: string | null;
  state: "current" | "upcoming" | "past";
};

export function termState(term: { startsOn: Date; endsOn: Date; endedEarlyAt: Date | null }, now = new Date()): CommitteeTermRow["state"] {
  if (isTermActive(term, now)) return "current";
  if (!term.endedEarlyAt && term.startsOn > now) return "upcoming";
  return "past";
}

/** Every committee term, newest first, split into current/upcoming and past. One query. */
export async function listCommitteeTerms(now = new Date()) {
  const rows = await db.committeeTerm.findMany({
    orderBy: [{ startsOn: "desc" }, { createdAt: "desc" }],
    select: {
      id: true,
      startsOn: true,
      endsOn: true,
      isChair: true,
      endedEarlyAt: true,
      user: { select: { id: true, name: true } },
      organization: { select: { id: true, name: true, slug: true } },
      grantedBy: { select: { name: true } },
    },
  });
  const terms: CommitteeTermRow[] = rows.map((r) => ({
    id: r.id,
    userId: r.user.id,
    userName: r.user.name,
    organization: r.organization,
    startsOn: r.startsOn,
    endsOn: r.endsOn,
    isChair: r.isChair,
    endedEarlyAt: r.endedEarlyAt,
    grantedByName: r.grantedBy?.name ?? null,
    state: termState(r, now),
  }));
  return {
    current: terms.filter((t) => t.state !== "past"),
    past: terms.filter((t) => t.state === "past"),
  };
}

/** Verified organizations, for the "represents" choice of a committee term. */
export async function listVerifiedOrganizationOptions() {
  return db.organization.findMany({
    where: { status: "VERIFIED" },
    orderBy: { name: "asc" },
    select: { id: true, name: true, acronym: true },
  });
}

/** The figures on the admin index. */
export async function adminOverview(now = new Date()) {
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const [pendingOrganizations, siteRoleHolders, activeCommitteeTerms, outboxEmails] = await Promise.all([
    db.organization.count({ where: { status: "PENDING" } }),
    db.user.count({ where: { roles: { some: {} } } }),
    db.committeeTerm.count({ where: { startsOn: { lte: today }, endsOn: { gte: today }, endedEarlyAt: null } }),
    db.outboxEmail.count(),
  ]);
  return { pendingOrganizations, siteRoleHolders, activeCommitteeTerms, outboxEmails };
}

export const OUTBOX_PAGE_SIZE = 20;

/** Mail kept in the outbox (no SMTP_URL), newest first. Admins only: it holds personal links. */
export async function listOutbox(page: number, pageSize = OUTBOX_PAGE_SIZE) {
  const safePage = Math.max(1, Math.floor(page) || 1);
  const [emails, total] = await Promise.all([
    db.outboxEmail.findMany({
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (safePage - 1) * pageSize,
      take: pageSize,
    }),
    db.outboxEmail.count(),
  ]);
  return { emails, total, page: safePage, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}
