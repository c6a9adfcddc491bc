import type { Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/commands/run";
import type { RateLimitRule } from "@/lib/rate-limit/consume";
import { adminOrganizationIds } from "../policy";
import { RESERVED_SLUGS, slugify } from "../slugs";

// Generous limits: they stop a script, not a person.
export const registerRule = (userId: string): RateLimitRule => ({ key: `organizations.register:${userId}`, limit: 10, windowSeconds: 24 * 3600 });
export const inviteRule = (userId: string): RateLimitRule => ({ key: `organizations.invite:${userId}`, limit: 50, windowSeconds: 3600 });

/** Where clause for an organization the actor administers, checked again in the database. */
export const administeredBy = (actor: Actor) => ({
  id: { in: adminOrganizationIds(actor) },
  memberships: { some: { userId: actor.userId, role: "ADMIN" as const } },
});

/** What log entries about an organization carry. */
export const organizationData = (organization: { name: string; slug: string }) => ({
  organizationName: organization.name,
  organizationSlug: organization.slug,
});

/** The slug from the name, or the same with -2, -3… when it is taken. Call under the registration lock. */
export async function allocateSlug(tx: Tx, name: string): Promise<string> {
  const base = slugify(name);
  const rows = await tx.organization.findMany({
    where: { OR: [{ slug: base }, { slug: { startsWith: `${base}-` } }] },
    select: { slug: true },
  });
  const taken = new Set(rows.map((r) => r.slug));
  if (!taken.has(base) && !RESERVED_SLUGS.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
