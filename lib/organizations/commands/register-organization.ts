import { defineCommand, requires } from "@/lib/commands/run";
import { advisoryLock } from "@/lib/db/locks";
import { conflict } from "@/lib/errors";
import { canRegisterOrganization } from "../policy";
import { registerOrganizationSchema } from "../schemas";
import { subregionFor } from "../subregions";
import { allocateSlug, organizationData, registerRule } from "./shared";

/**
 * A signed-in person registers an organization. It starts PENDING (not public), with the
 * registrant as its admin. The same person cannot register the same name twice while pending.
 */
export const registerOrganization = defineCommand({
  name: "organizations.register",
  input: registerOrganizationSchema,
  actor: "required",
  allow: requires(canRegisterOrganization),
  rateLimit: { rules: ({ actor }) => [registerRule(actor.userId)], count: "success" },
  async work({ tx, input, actor, record }) {
    // One registration at a time: the duplicate check and the slug cannot race.
    await advisoryLock(tx, "organizations.register");
    const duplicate = await tx.organization.findFirst({
      where: { createdById: actor.userId, status: "PENDING", name: { equals: input.name, mode: "insensitive" } },
      select: { id: true },
    });
    if (duplicate) throw conflict("organizations.duplicatePending");
    const slug = await allocateSlug(tx, input.name);
    const created = await tx.organization.create({
      data: {
        slug,
        name: input.name,
        acronym: input.acronym ?? null,
        country: input.country,
        subregion: subregionFor(input.country, input.isDiaspora),
        type: input.type,
        languages: input.languages,
        website: input.website ?? null,
        description: input.description,
        contactEmail: input.contactEmail,
        status: "PENDING",
        createdById: actor.userId,
        memberships: { create: { userId: actor.userId, role: "ADMIN" } },
      },
      select: { id: true, slug: true, name: true, status: true },
    });
    record({ action: "organization.registered", entityType: "Organization", entityId: created.id, isPublic: false, data: organizationData(created) });
    return created;
  },
  // The staff queue and the registrant's dashboard list it; its page exists for its members.
  invalidates: ["admin", "organizations", "dashboard"],
});
