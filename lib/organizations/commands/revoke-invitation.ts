import { defineCommand, requires } from "@/lib/commands/run";
import { notFound } from "@/lib/errors";
import { administersAnOrganization } from "../policy";
import { revokeInvitationSchema } from "../schemas";
import { administeredBy, organizationData } from "./shared";

/** An admin withdraws an invitation that was not accepted yet: its link stops working. */
export const revokeInvitation = defineCommand({
  name: "organizations.revokeInvitation",
  input: revokeInvitationSchema,
  actor: "required",
  allow: requires(administersAnOrganization),
  async work({ tx, input, actor, record }): Promise<void> {
    const invitation = await tx.organizationInvitation.findFirst({
      where: { id: input.invitationId, acceptedAt: null, organization: administeredBy(actor) },
      select: { id: true, role: true, organization: { select: { id: true, name: true, slug: true } } },
    });
    if (!invitation) throw notFound();
    const { count } = await tx.organizationInvitation.deleteMany({ where: { id: invitation.id, acceptedAt: null } });
    if (count !== 1) throw notFound();
    record({
      action: "organization.invitation_revoked",
      entityType: "Organization",
      entityId: invitation.organization.id,
      isPublic: false,
      data: { ...organizationData(invitation.organization), invitationId: invitation.id, role: invitation.role },
    });
  },
  invalidates: ["organizations"],
});
