import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { canRequestDisclosure, organizationsWhoseLinksActorSees } from "./policy";

// The only reads that join a pseudonym to a person. Each is scoped by the actor in its `where`:
// an organization's admins see the pseudonyms it vouches for; a site admin sees a person only
// through a disclosure they requested (with its reason). Never used by a public page.

/** The pseudonyms the actor's organizations vouch for, with their members' names (organization admins only). */
export async function listVouchedPseudonyms(actor: Actor | null) {
  const organizationIds = organizationsWhoseLinksActorSees(actor);
  if (!organizationIds.length) return [];
  return db.pseudonym.findMany({
    where: { organizationId: { in: organizationIds }, organization: { memberships: { some: { userId: actor!.userId, role: "ADMIN" } } } },
    select: { id: true, name: true, createdAt: true, user: { select: { name: true } }, organization: { select: { name: true } } },
    orderBy: [{ organization: { name: "asc" } }, { name: "asc" }],
  });
}

/** Every pseudonym's name, without its person: what a site admin picks from to make a request. */
export async function listPseudonymNames(actor: Actor | null) {
  if (!canRequestDisclosure(actor)) return [];
  return db.pseudonym.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } });
}

/** The requests the actor made, with the person each disclosed: the one place a site admin reads it. */
export async function listOwnDisclosures(actor: Actor | null) {
  if (!canRequestDisclosure(actor)) return [];
  return db.pseudonymDisclosure.findMany({
    where: { requesterId: actor.userId },
    select: { id: true, reason: true, createdAt: true, pseudonym: { select: { name: true, user: { select: { name: true } }, organization: { select: { name: true } } } } },
    orderBy: { createdAt: "desc" },
  });
}

/** How many disclosures were ever requested: public. */
export const countDisclosures = () => db.pseudonymDisclosure.count();
