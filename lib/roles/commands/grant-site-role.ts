import { defineCommand, requires } from "@/lib/commands/run";
import { conflict } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { canManageSiteRoles } from "../policy";
import { grantSiteRoleSchema } from "../schemas";
import { findTargetUser } from "./target-user";

/** An admin gives STAFF or ADMIN to an existing account. Holding it already is a conflict. */
export const grantSiteRole = defineCommand({
  name: "roles.grantSiteRole",
  input: grantSiteRoleSchema,
  actor: "required",
  allow: requires(canManageSiteRoles),
  async work({ tx, input, actor, record }) {
    const user = await findTargetUser(tx, input);
    const existing = await tx.roleAssignment.findUnique({ where: { userId_role: { userId: user.id, role: input.role } } });
    if (existing) throw conflict("roles.alreadyHasRole");
    const assignment = await tx.roleAssignment.create({ data: { userId: user.id, role: input.role, grantedById: actor.userId } });
    record({ action: "role.granted", entityType: "User", entityId: user.id, isPublic: true, data: { userName: user.name, role: input.role } });
    return { assignmentId: assignment.id, userId: user.id, role: input.role };
  },
  // Two admins granting the same role at once: the unique index decides.
  recover(error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw conflict("roles.alreadyHasRole");
    return undefined;
  },
  invalidates: ["admin", "transparency"],
});
