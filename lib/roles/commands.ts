import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { conflict, fieldError, forbidden, notFound, notSignedIn, parseInput } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { canManageCommitteeTerms, canManageSiteRoles } from "./policy";
import {
  endCommitteeTermSchema,
  formatCalendarDate,
  grantCommitteeTermSchema,
  grantSiteRoleSchema,
  revokeSiteRoleSchema,
} from "./schemas";

type Tx = Prisma.TransactionClient;

// Serializes committee grants, so two staff members cannot name two chairs at the same moment.
const COMMITTEE_LOCK = 7_423_001;

/** Midnight UTC today: committee terms are whole days in UTC (see isTermActive). */
function todayUtc(now = new Date()) {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

const isUniqueViolation = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

/**
 * The account a role or term goes to. An email that matches nobody is a mistake in the form
 * (shown next to the field); an id that matches nobody came from a stale page.
 */
async function findTargetUser(tx: Tx, target: { userId?: string; email?: string }) {
  if (target.userId) {
    const user = await tx.user.findUnique({ where: { id: target.userId }, select: { id: true, name: true } });
    if (!user) throw notFound();
    return user;
  }
  if (!target.email) throw fieldError("email", "required");
  const user = await tx.user.findUnique({ where: { email: target.email }, select: { id: true, name: true } });
  if (!user) throw fieldError("email", "roles.userNotFound");
  return user;
}

/** An admin gives STAFF or ADMIN to an existing account. Holding it already is a conflict. */
export async function grantSiteRole(actor: Actor | null, raw: unknown) {
  const input = parseInput(grantSiteRoleSchema, raw);
  if (!actor) throw notSignedIn();
  if (!canManageSiteRoles(actor)) throw forbidden();
  try {
    return await db.$transaction(async (tx) => {
      const user = await findTargetUser(tx, input);
      const existing = await tx.roleAssignment.findUnique({ where: { userId_role: { userId: user.id, role: input.role } } });
      if (existing) throw conflict("roles.alreadyHasRole");
      const assignment = await tx.roleAssignment.create({
        data: { userId: user.id, role: input.role, grantedById: actor.userId },
      });
      await recordAudit(tx, {
        actorId: actor.userId,
        action: "role.granted",
        entityType: "User",
        entityId: user.id,
        isPublic: true,
        data: { userName: user.name, role: input.role },
      });
      return { assignmentId: assignment.id, userId: user.id, role: input.role };
    });
  } catch (error) {
    // Two admins granting the same role at once: the unique index decides.
    if (isUniqueViolation(error)) throw conflict("roles.alreadyHasRole");
    throw error;
  }
}

/** An admin takes STAFF or ADMIN away. The last ADMIN cannot be removed: someone must manage roles. */
export async function revokeSiteRole(actor: Actor | null, raw: unknown) {
  const input = parseInput(revokeSiteRoleSchema, raw);
  if (!actor) throw notSignedIn();
  if (!canManageSiteRoles(actor)) throw forbidden();
  return db.$transaction(async (tx) => {
    if (input.role === "ADMIN") {
      // Lock every admin row: two admins removing each other at once cannot both succeed.
      const admins = await tx.$queryRaw<{ userId: string }[]>`
        SELECT "userId"::text AS "userId" FROM "RoleAssignment" WHERE role = 'ADMIN' FOR UPDATE`;
      if (!admins.some((a) => a.userId === input.userId)) throw notFound();
      if (admins.length <= 1) throw conflict("roles.lastAdmin");
    }
    const assignment = await tx.roleAssignment.findUnique({
      where: { userId_role: { userId: input.userId, role: input.role } },
      select: { id: true, user: { select: { id: true, name: true } } },
    });
    if (!assignment) throw notFound();
    await tx.roleAssignment.delete({ where: { id: assignment.id } });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "role.revoked",
      entityType: "User",
      entityId: assignment.user.id,
      isPublic: true,
      data: { userName: assignment.user.name, role: input.role },
    });
    return { userId: assignment.user.id, role: input.role };
  });
}

/**
 * Staff name a person to the Civil Society Committee for a period, optionally representing a
 * verified regional network, optionally as chair. One chair at a time; one term per person at a time.
 */
export async function grantCommitteeTerm(actor: Actor | null, raw: unknown) {
  const input = parseInput(grantCommitteeTermSchema, raw);
  if (!actor) throw notSignedIn();
  if (!canManageCommitteeTerms(actor)) throw forbidden();
  if (input.endsOn < todayUtc()) throw fieldError("endsOn", "roles.endInPast");
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(${COMMITTEE_LOCK}::bigint)`;
    const user = await findTargetUser(tx, input);
    let organization: { id: string; name: string } | null = null;
    if (input.organizationId) {
      const org = await tx.organization.findUnique({
        where: { id: input.organizationId },
        select: { id: true, name: true, status: true },
      });
      if (!org) throw notFound();
      if (org.status !== "VERIFIED") throw fieldError("organizationId", "roles.organizationNotVerified");
      organization = { id: org.id, name: org.name };
    }
    // Terms that were not ended early and share at least one day with the new one.
    const overlapping = { startsOn: { lte: input.endsOn }, endsOn: { gte: input.startsOn }, endedEarlyAt: null };
    const ownOverlap = await tx.committeeTerm.findFirst({ where: { ...overlapping, userId: user.id }, select: { id: true } });
    if (ownOverlap) throw conflict("roles.termOverlaps");
    if (input.isChair) {
      const chair = await tx.committeeTerm.findFirst({
        where: { ...overlapping, isChair: true },
        select: { user: { select: { name: true } } },
      });
      if (chair) throw conflict("roles.chairTaken", { name: chair.user.name });
    }
    const term = await tx.committeeTerm.create({
      data: {
        userId: user.id,
        organizationId: organization?.id ?? null,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        isChair: input.isChair,
        grantedById: actor.userId,
      },
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "committee_term.granted",
      entityType: "CommitteeTerm",
      entityId: term.id,
      isPublic: true,
      data: {
        userName: user.name,
        organizationName: organization?.name ?? null,
        startsOn: formatCalendarDate(term.startsOn),
        endsOn: formatCalendarDate(term.endsOn),
        isChair: term.isChair,
      },
    });
    return term;
  });
}

/** Staff end a current (or cancel an upcoming) term now; the member loses their rights at the next click. */
export async function endCommitteeTerm(actor: Actor | null, raw: unknown) {
  const input = parseInput(endCommitteeTermSchema, raw);
  if (!actor) throw notSignedIn();
  if (!canManageCommitteeTerms(actor)) throw forbidden();
  return db.$transaction(async (tx) => {
    const term = await tx.committeeTerm.findUnique({
      where: { id: input.termId },
      select: { id: true, endsOn: true, endedEarlyAt: true, user: { select: { name: true } } },
    });
    if (!term) throw notFound();
    if (term.endedEarlyAt || term.endsOn < todayUtc()) throw conflict("roles.termAlreadyOver");
    const ended = await tx.committeeTerm.updateMany({
      where: { id: term.id, endedEarlyAt: null },
      data: { endedEarlyAt: new Date() },
    });
    if (ended.count !== 1) throw conflict("roles.termAlreadyOver");
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "committee_term.ended",
      entityType: "CommitteeTerm",
      entityId: term.id,
      isPublic: true,
      data: { userName: term.user.name },
    });
    return { termId: term.id };
  });
}
