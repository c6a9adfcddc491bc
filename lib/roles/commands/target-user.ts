import type { Tx } from "@/lib/commands/run";
import { fieldError, notFound } from "@/lib/errors";

/** Midnight UTC today: committee terms are whole days in UTC (see isTermActive). */
export function todayUtc(now = new Date()) {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/**
 * The account a role or term goes to. An email that matches nobody is a mistake in the form
 * (shown next to the field); an id that matches nobody came from a stale page.
 */
export async function findTargetUser(tx: Tx, target: { userId?: string; email?: string }) {
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
