import { defineCommand, requires } from "@/lib/commands/run";
import { lockRow } from "@/lib/db/locks";
import { conflict, notFound } from "@/lib/errors";
import { acceptInvitationRefusal, canOpenInvitation } from "../policy";
import { acceptInvitationSchema } from "../schemas";
import { hashInvitationToken } from "../tokens";
import { organizationData } from "./shared";

/**
 * The invited person, signed in with the address the invitation went to, joins. The token
 * works once and for 14 days.
 */
export const acceptInvitation = defineCommand({
  name: "organizations.acceptInvitation",
  input: acceptInvitationSchema,
  actor: "required",
  allow: requires(canOpenInvitation),
  async load({ tx, input }) {
    const invitation = await tx.organizationInvitation.findUnique({
      where: { tokenHash: hashInvitationToken(input.token) },
      select: { id: true, email: true, role: true, acceptedAt: true, expiresAt: true, organizationId: true },
    });
    if (!invitation) throw notFound();
    // The organization's status under its lock: it cannot be suspended while someone joins.
    await lockRow(tx, "Organization", invitation.organizationId);
    const organization = await tx.organization.findUniqueOrThrow({
      where: { id: invitation.organizationId },
      select: { id: true, name: true, slug: true, status: true },
    });
    return { ...invitation, organization };
  },
  authorize: ({ actor, loaded, now }) => acceptInvitationRefusal(actor, loaded, now),
  async work({ tx, actor, now, loaded: invitation, record }) {
    const organization = invitation.organization;
    // Single use even when the link is clicked twice at once.
    const claimed = await tx.organizationInvitation.updateMany({ where: { id: invitation.id, acceptedAt: null }, data: { acceptedAt: now } });
    if (claimed.count !== 1) throw conflict("organizations.invitationUsed");
    const existing = await tx.membership.findUnique({
      where: { userId_organizationId: { userId: actor.userId, organizationId: organization.id } },
      select: { id: true },
    });
    if (existing) throw conflict("organizations.alreadyMemberSelf");
    await tx.membership.create({ data: { userId: actor.userId, organizationId: organization.id, role: invitation.role } });
    record({
      action: "organization.member_joined",
      entityType: "Organization",
      entityId: organization.id,
      isPublic: false,
      data: { ...organizationData(organization), invitationId: invitation.id, userId: actor.userId, role: invitation.role },
    });
    return { organizationId: organization.id, organizationSlug: organization.slug, organizationName: organization.name, role: invitation.role };
  },
  invalidates: ["organizations", "dashboard"],
});
