import { db } from "@/lib/db/client";
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

/**
 * `check` is what a cookie names: the user is found only if that session is open (not ended, not
 * expired) and theirs. The session is a condition of the same SELECT (an EXISTS), not one more
 * query. A bare number checks only the password generation (scripts and tests).
 */
export async function loadActor(userId: string, check?: number | SessionCheck): Promise<Actor | null> {
  const session = typeof check === "object" ? check : undefined;
  // A signed cookie only names ids we made; anything else would only reach PostgreSQL as an error.
  if (session && !UUID.test(session.sessionId)) return null;
  const sessionVersion = typeof check === "number" ? check : session?.version;
  const now = session?.now ?? new Date();
  const user = await db.user.findUnique({
    where: {
      id: userId,
      ...(session ? { authSessions: { some: { id: session.sessionId, revokedAt: null, expiresAt: { gt: now } } } } : {}),
    },
    select: {
      id: true,
      name: true,
      email: true,
      preferredLocale: true,
      sessionVersion: true,
      roles: { select: { role: true } },
      memberships: {
        select: { role: true, organization: { select: { id: true, slug: true, name: true, status: true } } },
        orderBy: { createdAt: "asc" },
      },
      committeeTerms: {
        select: { id: true, organizationId: true, isChair: true, startsOn: true, endsOn: true, endedEarlyAt: true },
        orderBy: { startsOn: "desc" },
      },
    },
  });
  if (!user) return null;
  // A password change ends every session opened before it.
  if (sessionVersion !== undefined && sessionVersion !== user.sessionVersion) return null;
  if (session) void noteSeen(session.sessionId, now);
  const roles = new Set(user.roles.map((r) => r.role));
  const active = user.committeeTerms.find((t) => isTermActive(t));
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
      organizationId: m.organization.id,
      organizationSlug: m.organization.slug,
      organizationName: m.organization.name,
      organizationStatus: m.organization.status,
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
