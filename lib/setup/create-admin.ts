import { z } from "zod";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record";
import { hashPassword } from "@/lib/auth/password";
import { parseInput } from "@/lib/errors";

export const createAdminSchema = z.object({
  name: z.string().trim().min(1).max(120),
  email: z.email().max(254).transform((e) => e.toLowerCase()),
  password: z.string().min(12).max(200),
});

/**
 * The first admin of a real deployment, from the command line (whoever runs it holds the
 * server). An existing account with that email is promoted instead of duplicated.
 */
export async function createAdmin(raw: unknown): Promise<{ userId: string; created: boolean }> {
  const input = parseInput(createAdminSchema, raw);
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email: input.email }, select: { id: true, name: true } });
    const user = existing ?? (await tx.user.create({ data: { name: input.name, email: input.email, passwordHash } }));
    const hasRole = await tx.roleAssignment.findUnique({ where: { userId_role: { userId: user.id, role: "ADMIN" } } });
    if (!hasRole) {
      await tx.roleAssignment.create({ data: { userId: user.id, role: "ADMIN" } });
      await recordAudit(tx, {
        actorId: null,
        action: "role.granted",
        entityType: "User",
        entityId: user.id,
        isPublic: true,
        data: { userName: user.name, role: "ADMIN" },
      });
    }
    return { userId: user.id, created: !existing };
  });
}
