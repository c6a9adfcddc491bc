import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { logError } from "@/lib/log";
import type { MembershipRole, OrganizationStatus } from "@/lib/generated/prisma/enums";
import type { AppLocale } from "@/i18n/routing";

export type ActorMembership = {
  organizationId: string;
  organizationSlug: string;
  organizationName: string;
  organizationStatus: OrganizationStatus;
  role: MembershipRole;
};

export type ActorCommitteeTerm = {
  termId: string;
  organizationId: string | null;
  isChair: boolean;
  endsOn: Date;
};

/**
 * Who is acting and what they may do, read from the database on every request.
 * `null` is a visitor. Nothing here comes from the cookie but the user id.
 */
export type Actor = {
  userId: string;
  name: string;
  email: string;
  locale: AppLocale;
  isStaff: boolean;
  isAdmin: boolean;
  /** Holds MONITORING_REVIEWER (issue 13); lib/monitoring/policy.ts decides what it allows. */
  isMonitoringReviewer: boolean;
  /** Holds DELEGATE (issue 14): answers questions for an institution (lib/dialogue/policy.ts). */
  isDelegate: boolean;
  memberships: ActorMembership[];
  committeeTerm: ActorCommitteeTerm | null;
  /** The signed-in browser's session (lib/auth/commands), when the actor came from a cookie. */
  sessionId?: string;
};

/** What a cookie names: the password generation it was issued under and its session row. */
export type SessionCheck = { version: number; sessionId: string; now?: Date };

/** lastSeenAt is written at most this often per session, never on every request. */
export const LAST_SEEN_EVERY_MS = 5 * 60 * 1000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const seenAt = new Map<string, number>();

/**
 * Records that a session was used, at most every few minutes per server: one conditional UPDATE,
 * not awaited by the request (a failure is logged and costs nothing else). Returns the write, for tests.
 */
export function noteSeen(sessionId: string, now: Date): Promise<void> | undefined {
  const last = seenAt.get(sessionId);
  if (last !== undefined && now.getTime() - last < LAST_SEEN_EVERY_MS) return undefined;
  if (seenAt.size > 10_000) seenAt.clear(); // bounded: forgetting only means one more cheap write
  seenAt.set(sessionId, now.getTime());
  return db.authSession
    .updateMany({ where: { id: sessionId, lastSeenAt: { lt: new Date(now.getTime() - LAST_SEEN_EVERY_MS) } }, data: { lastSeenAt: now } })
    .then(
      () => undefined,
      (error: unknown) => logError("auth.noteSeen", error),
    );
}

/** A committee term is active from its first day to the end of its last day (UTC). */
export function isTermActive(term: { startsOn: Date; endsOn: Date; endedEarlyAt: Date | null }, now = new Date()): boolean {
  if (term.endedEarlyAt && term.endedEarlyAt <= now) return false;
  const end = new Date(term.endsOn);
  end.setUTCDate(end.getUTCDate() + 1);
  return term.startsOn <= now && now < end;
}

/** One row: the user with their roles, memberships and committee terms aggregated in it. */
type ActorRow = {
  id: string;
  name: string;
  email: string;
  preferredLocale: AppLocale;
  sessionVersion: number;
  roles: string[];
  memberships: { role: MembershipRole; organizationId: string; slug: string; name: string; status: OrganizationStatus }[];
  terms: { id: string; organizationId: string | null; isChair: boolean; startsOn: string; endsOn: string; endedEarlyAt: string | null }[];
};

/**
 * `check` is what a cookie names: the user is found only if that session is open (not ended, not
 * expired) and theirs. Every signed-in request runs this, so it is one statement: the session is
 * a condition (an EXISTS) and the roles, memberships and terms are aggregated into the row, where
 * Prisma's nested select sent five statements.
 * A bare number checks only the password generation (scripts and tests).
 */
export async function loadActor(userId: string, check?: number | SessionCheck): Promise<Actor | null> {
  const session = typeof check === "object" ? check : undefined;
  // A signed cookie only names ids we made; anything else would only reach PostgreSQL as an error.
  if (!UUID.test(userId) || (session && !UUID.test(session.sessionId))) return null;
  const sessionVersion = typeof check === "number" ? check : session?.version;
  const now = session?.now ?? new Date();
  const [user] = await db.$queryRaw<ActorRow[]>`
    SELECT u.id::text AS id, u.name, u.email, u."preferredLocale"::text AS "preferredLocale", u."sessionVersion",
      COALESCE((SELECT array_agg(r.role::text) FROM "RoleAssignment" r WHERE r."userId" = u.id), '{}') AS roles,
      COALESCE((SELECT json_agg(json_build_object('role', m.role, 'organizationId', o.id, 'slug', o.slug, 'name', o.name, 'status', o.status) ORDER BY m."createdAt", m.id)
                FROM "Membership" m JOIN "Organization" o ON o.id = m."organizationId" WHERE m."userId" = u.id), '[]') AS memberships,
      COALESCE((SELECT json_agg(json_build_object('id', t.id, 'organizationId', t."organizationId", 'isChair', t."isChair", 'startsOn', t."startsOn", 'endsOn', t."endsOn", 'endedEarlyAt', t."endedEarlyAt") ORDER BY t."startsOn" DESC, t.id)
                FROM "CommitteeTerm" t WHERE t."userId" = u.id), '[]') AS terms
    FROM "User" u
    WHERE u.id = ${userId}::uuid
      ${session ? Prisma.sql`AND EXISTS (SELECT 1 FROM "AuthSession" s WHERE s.id = ${session.sessionId}::uuid AND s."userId" = u.id AND s."revokedAt" IS NULL AND s."expiresAt" > ${now})` : Prisma.empty}`;
  if (!user) return null;
  // A password change ends every session opened before it.
  if (sessionVersion !== undefined && sessionVersion !== user.sessionVersion) return null;
  if (session) void noteSeen(session.sessionId, now);
  const roles = new Set(user.roles);
  // Dates come as text inside JSON: a date column as "2026-01-31" (UTC midnight, as Prisma reads it).
  const terms = user.terms.map((t) => ({ ...t, startsOn: new Date(t.startsOn), endsOn: new Date(t.endsOn), endedEarlyAt: t.endedEarlyAt ? new Date(t.endedEarlyAt) : null }));
  const active = terms.find((t) => isTermActive(t));
  return {
    userId: user.id,
    name: user.name,
    email: user.email,
    locale: user.preferredLocale,
    isAdmin: roles.has("ADMIN"),
    // Admins can do everything staff can.
    isStaff: roles.has("STAFF") || roles.has("ADMIN"),
    // Never implied by ADMIN: an admin reads reports only when named a reviewer.
    isMonitoringReviewer: roles.has("MONITORING_REVIEWER"),
    isDelegate: roles.has("DELEGATE"),
    memberships: user.memberships.map((m) => ({
      organizationId: m.organizationId,
      organizationSlug: m.slug,
      organizationName: m.name,
      organizationStatus: m.status,
      role: m.role,
    })),
    committeeTerm: active
      ? { termId: active.id, organizationId: active.organizationId, isChair: active.isChair, endsOn: active.endsOn }
      : null,
    ...(session ? { sessionId: session.sessionId } : {}),
  };
}

export const isCommitteeMember = (actor: Actor | null): actor is Actor => !!actor?.committeeTerm;
export const isStaff = (actor: Actor | null): actor is Actor => !!actor?.isStaff;
export const isAdmin = (actor: Actor | null): actor is Actor => !!actor?.isAdmin;

export function membershipIn(actor: Actor | null, organizationId: string): ActorMembership | undefined {
  return actor?.memberships.find((m) => m.organizationId === organizationId);
}

/** Members of verified organizations are the ones who take part (propose, comment, register). */
export function isVerifiedMember(actor: Actor | null): boolean {
  return !!actor?.memberships.some((m) => m.organizationStatus === "VERIFIED");
}
