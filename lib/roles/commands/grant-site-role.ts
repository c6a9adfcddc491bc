import { defineCommand, requires, type Tx } from "@/lib/commands/run";
import { isTermActive } from "@/lib/auth/actor";
import { conflict, fieldError, parseInput } from "@/lib/errors";
import { ensureInstitution } from "@/lib/dialogue/institutions";
import { delegateInstitutionSchema } from "@/lib/dialogue/schemas";
import { isUniqueViolation } from "@/lib/db/errors";
import { canManageSiteRoles, isPublicRole } from "../policy";
import { grantSiteRoleSchema } from "../schemas";
import { findTargetUser } from "./target-user";

/**
 * An admin gives STAFF, ADMIN or MONITORING_REVIEWER to an existing account. Holding it already
 * is a conflict; reviewers read sealed reports, so only staff and current committee members.
 * DELEGATE names the institution the person speaks for and opens their public profile (issue 14).
 */
export const grantSiteRole = defineCommand({
  name: "roles.grantSiteRole",
  input: grantSiteRoleSchema,
  actor: "required",
  allow: requires(canManageSiteRoles),
  async work({ tx, input, actor, now, record }) {
    const user = await findTargetUser(tx, input);
    const existing = await tx.roleAssignment.findUnique({ where: { userId_role: { userId: user.id, role: input.role } } });
    if (existing) throw conflict("roles.alreadyHasRole");
    if (input.role === "MONITORING_REVIEWER" && !(await isStaffOrCommittee(tx, user.id, now))) throw fieldError("email", "roles.reviewerNeedsStaffOrCommittee");
    if (input.role === "DELEGATE") await openDelegateProfile(tx, user, input);
    const assignment = await tx.roleAssignment.create({ data: { userId: user.id, role: input.role, grantedById: actor.userId } });
    record({ action: "role.granted", entityType: "User", entityId: user.id, isPublic: isPublicRole(input.role), data: { userName: user.name, role: input.role } });
    return { assignmentId: assignment.id, userId: user.id, role: input.role };
  },
  // Two admins granting the same role at once: the unique index decides.
  recover(error) {
    if (isUniqueViolation(error)) throw conflict("roles.alreadyHasRole");
    return undefined;
  },
  invalidates: ["admin", "transparency"],
});

async function isStaffOrCommittee(tx: Tx, userId: string, now: Date): Promise<boolean> {
  const user = await tx.user.findUniqueOrThrow({
    where: { id: userId },
    select: { roles: { select: { role: true } }, committeeTerms: { select: { startsOn: true, endsOn: true, endedEarlyAt: true } } },
  });
  return user.roles.some((r) => r.role === "STAFF" || r.role === "ADMIN") || user.committeeTerms.some((t) => isTermActive(t, now));
}

/** The delegate's profile, under their account name until they edit it; a profile kept from an earlier term moves to the new institution. */
async function openDelegateProfile(tx: Tx, user: { id: string; name: string }, input: { institution?: unknown; country?: unknown }) {
  const { institution, country } = parseInput(delegateInstitutionSchema, { institution: input.institution, country: input.country });
  const row = await ensureInstitution(tx, institution, country);
  await tx.delegateProfile.upsert({
    where: { userId: user.id },
    create: { userId: user.id, institutionId: row.id, displayName: user.name, languagesSpoken: [] },
    update: { institutionId: row.id },
  });
}
