import { defineCommand } from "@/lib/commands/run";
import { lockRow } from "@/lib/db/locks";
import { fieldError, notFound, refuse } from "@/lib/errors";
import { invitationEmail } from "../emails";
import { canManageMembers, INVITATION_TTL_DAYS, membershipChangeRefusal } from "../policy";
import { inviteMemberSchema } from "../schemas";
import { hashInvitationToken, newInvitationToken } from "../tokens";
import { administeredBy, inviteRule, organizationData } from "./shared";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * An organization admin invites someone by email. The link holds a random token; only its
 * sha256 is stored. Answers whether the email went out (`emailSent`): the invitation stays
 * either way, and the admin can revoke it and try again.
 */
export const inviteMember = defineCommand({
  name: "organizations.invite",
  input: inviteMemberSchema,
  actor: "required",
  allow: ({ actor, input }) => (canManageMembers(actor, input.organizationId) ? null : refuse.forbidden()),
  rateLimit: { rules: ({ actor }) => [inviteRule(actor.userId)], count: "success" },
  async load({ tx, input, actor }) {
    // Checked again in the database: the actor is still an admin of it.
    const organization = await tx.organization.findFirst({
      where: { AND: [administeredBy(actor), { id: input.organizationId }] },
      select: { id: true, name: true, slug: true },
    });
    if (!organization) throw notFound();
    await lockRow(tx, "Organization", organization.id);
    // The status under the lock: it cannot be suspended between the check and the invitation.
    const { status } = await tx.organization.findUniqueOrThrow({ where: { id: organization.id }, select: { status: true } });
    return { ...organization, status };
  },
  authorize: ({ loaded }) => membershipChangeRefusal(loaded),
  async work({ tx, input, actor, now, loaded: organization, record, mail }) {
    const invitee = await tx.user.findFirst({
      where: { email: { equals: input.email, mode: "insensitive" } },
      select: { preferredLocale: true, memberships: { where: { organizationId: organization.id }, select: { id: true } } },
    });
    if (invitee?.memberships.length) throw fieldError("email", "organizations.alreadyMember");
    const pending = await tx.organizationInvitation.findFirst({
      where: { organizationId: organization.id, email: { equals: input.email, mode: "insensitive" }, acceptedAt: null, expiresAt: { gt: now } },
      select: { id: true },
    });
    if (pending) throw fieldError("email", "organizations.alreadyInvited");
    const token = newInvitationToken();
    const invitation = await tx.organizationInvitation.create({
      data: {
        organizationId: organization.id,
        email: input.email,
        role: input.role,
        tokenHash: hashInvitationToken(token),
        invitedById: actor.userId,
        expiresAt: new Date(now.getTime() + INVITATION_TTL_DAYS * DAY_MS),
      },
      select: { id: true, role: true, expiresAt: true },
    });
    record({
      action: "organization.member_invited",
      entityType: "Organization",
      entityId: organization.id,
      isPublic: false,
      data: { ...organizationData(organization), invitationId: invitation.id, role: invitation.role },
    });
    mail(
      invitationEmail({
        to: input.email,
        locale: invitee?.preferredLocale ?? input.locale ?? actor.locale,
        token,
        inviterName: actor.name,
        organizationName: organization.name,
        role: invitation.role,
        expiresAt: invitation.expiresAt,
      }),
    );
    return { invitationId: invitation.id, expiresAt: invitation.expiresAt };
  },
  respond: (result, { mailDelivered }) => ({ ...result, emailSent: mailDelivered }),
  invalidates: ["organizations"],
});
