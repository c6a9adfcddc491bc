import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { defineCommand } from "@/lib/commands/run";
import { refuse, type Refusal } from "@/lib/errors";

export const createAdminSchema = z.object({
  name: z.string().trim().min(1).max(120),
  email: z.email().max(254).transform((e) => e.toLowerCase()),
  password: z.string().min(12).max(200),
});

/**
 * Only from the command line, where there is no signed-in actor: whoever runs the script holds
 * the server. A signed-in person gives roles through roles.grantSiteRole, under its admin rule.
 */
export const createAdminRefusal = (actor: Actor | null): Refusal | null => (actor ? refuse.forbidden() : null);

/**
 * The first admin of a real deployment (`npm run create-admin`), called as `createAdmin(null, raw)`.
 * An existing account with that email is promoted instead of duplicated; promoting it again
 * changes nothing.
 */
export const createAdmin = defineCommand({
  name: "setup.createAdmin",
  input: createAdminSchema,
  actor: "optional",
  allow: ({ actor }) => createAdminRefusal(actor),
  async work({ tx, input, record }) {
    const existing = await tx.user.findUnique({ where: { email: input.email }, select: { id: true, name: true } });
    const user =
      existing ??
      (await tx.user.create({ data: { name: input.name, email: input.email, passwordHash: await hashPassword(input.password) }, select: { id: true, name: true } }));
    const hasRole = await tx.roleAssignment.findUnique({ where: { userId_role: { userId: user.id, role: "ADMIN" } } });
    if (!hasRole) {
      await tx.roleAssignment.create({ data: { userId: user.id, role: "ADMIN" } });
      record({ actorId: null, action: "role.granted", entityType: "User", entityId: user.id, isPublic: true, data: { userName: user.name, role: "ADMIN" } });
    }
    return { userId: user.id, created: !existing };
  },
  invalidates: ["admin", "transparency", "home"],
});
