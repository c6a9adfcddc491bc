import { defineCommand, requires } from "@/lib/commands/run";
import { lockRow } from "@/lib/db/locks";
import { conflict, notFound } from "@/lib/errors";
import { administersAnOrganization } from "../policy";
import { removeMemberSchema } from "../schemas";
import { administeredBy, organizationData } from "./shared";

/** An admin removes a member of an organization they administer; the last admin stays. */
export const removeMember = defineCommand({
  name: "organizations.removeMember",
  input: removeMemberSchema,
  actor: "required",
  allow: requires(administersAnOrganization),
  async work({ tx, input, actor, record }): Promise<void> {
    const target = await tx.membership.findFirst({
      where: { id: input.membershipId, organization: administeredBy(actor) },
      select: { id: true, userId: true, organization: { select: { id: true, name: true, slug: true } } },
    });
    if (!target) throw notFound();
    const organization = target.organization;
    await lockRow(tx, "Organization", organization.id);
    // Under the lock: the actor is still an admin and the member is still there.
    const stillAdmin = await tx.membership.count({ where: { organizationId: organization.id, userId: actor.userId, role: "ADMIN" } });
    if (!stillAdmin) throw notFound();
    const current = await tx.membership.findUnique({ where: { id: target.id }, select: { role: true } });
    if (!current) throw notFound();
    const admins = await tx.membership.count({ where: { organizationId: organization.id, role: "ADMIN" } });
    if (current.role === "ADMIN" && admins <= 1) throw conflict("organizations.lastAdmin");
    await tx.membership.delete({ where: { id: target.id } });
    record({
      action: "organization.member_removed",
      entityType: "Organization",
      entityId: organization.id,
      isPublic: false,
      data: { ...organizationData(organization), userId: target.userId, role: current.role },
    });
  },
  invalidates: ["organizations", "dashboard"],
});
