import { defineCommand, requires } from "@/lib/commands/run";
import { conflict, notFound } from "@/lib/errors";
import { canManageSiteRoles, isPublicRole } from "../policy";
import { revokeSiteRoleSchema } from "../schemas";

/** An admin takes STAFF or ADMIN away. The last ADMIN cannot be removed: someone must manage roles. */
export const revokeSiteRole = defineCommand({
  name: "roles.revokeSiteRole",
  input: revokeSiteRoleSchema,
  actor: "required",
  allow: requires(canManageSiteRoles),
  async work({ tx, input, record }) {
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
    record({
      action: "role.revoked",
      entityType: "User",
      entityId: assignment.user.id,
      isPublic: isPublicRole(input.role),
      data: { userName: assignment.user.name, role: input.role },
    });
    return { userId: assignment.user.id, role: input.role };
  },
  invalidates: ["admin", "transparency"],
});
