import { db } from "@/lib/db/client";
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
  memberships: ActorMembership[];
  committeeTerm: ActorCommitteeTerm | null;
};

/** A committee term is active from its first day to the end of its last day (UTC). */
export function isTermActive(term: { startsOn: Date; endsOn: Date; endedEarlyAt: Date | null }, now = new Date()): boolean {
  if (term.endedEarlyAt && term.endedEarlyAt <= now) return false;
  const end = new Date(term.endsOn);
  end.setUTCDate(end.getUTCDate() + 1);
  return term.startsOn <= now && now < end;
}

export async function loadActor(userId: string, sessionVersion?: number): Promise<Actor | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
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
