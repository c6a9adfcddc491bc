import { isStaff, membershipIn, type Actor } from "@/lib/auth/actor";
import { refuse, type Refusal } from "@/lib/errors";
import type { OrganizationStatus } from "@/lib/generated/prisma/enums";

// Who may do what with organizations: plain functions of (actor, resource), deny by default.
// Commands call them before they touch the database and still scope their queries by the same rights.

export const REVIEW_ACTIONS = ["verify", "reject", "suspend", "reinstate"] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

/** The verification state machine: pending → verified | rejected; verified ↔ suspended. Nothing else. */
const TRANSITIONS: Record<ReviewAction, { from: OrganizationStatus; to: OrganizationStatus }> = {
  verify: { from: "PENDING", to: "VERIFIED" },
  reject: { from: "PENDING", to: "REJECTED" },
  suspend: { from: "VERIFIED", to: "SUSPENDED" },
  reinstate: { from: "SUSPENDED", to: "VERIFIED" },
};

/** The status an organization moves to, or null when the action is not allowed from `status`. */
export function nextStatus(status: OrganizationStatus, action: ReviewAction): OrganizationStatus | null {
  const rule = TRANSITIONS[action];
  return rule && rule.from === status ? rule.to : null;
}

/** A review decision the organization's status does not allow (someone else decided first, a stale page). */
export const reviewRefusal = (status: OrganizationStatus, action: ReviewAction): Refusal | null =>
  nextStatus(status, action) ? null : refuse.conflict("organizations.wrongState");

export const canTransition = (status: OrganizationStatus, action: ReviewAction) => reviewRefusal(status, action) === null;

/** The review actions open for an organization in `status` (for the staff queue's buttons). */
export const actionsFor = (status: OrganizationStatus): ReviewAction[] => REVIEW_ACTIONS.filter((a) => canTransition(status, a));

/** Any signed-in person may register an organization; staff verify it before it is public. */
export const canRegisterOrganization = (actor: Actor | null): actor is Actor => !!actor;

/** Staff (admins are staff) verify, reject, suspend and reinstate. */
export const canReviewOrganizations = (actor: Actor | null): actor is Actor => isStaff(actor);

/** An admin member of this organization. */
export const isOrganizationAdmin = (actor: Actor | null, organizationId: string): actor is Actor =>
  membershipIn(actor, organizationId)?.role === "ADMIN";

/** Admins of an organization invite and remove its members, while it is pending or verified. */
export const canManageMembers = (actor: Actor | null, organizationId: string): actor is Actor => isOrganizationAdmin(actor, organizationId);

/** Statuses in which an organization takes new members (a rejected or suspended one does not). */
export const OPEN_FOR_MEMBERS: readonly OrganizationStatus[] = ["PENDING", "VERIFIED"];

/** Members are invited and join only while the organization is pending or verified. */
export const membershipChangeRefusal = (organization: { status: OrganizationStatus }): Refusal | null =>
  OPEN_FOR_MEMBERS.includes(organization.status) ? null : refuse.conflict("organizations.wrongState");

/** Any signed-in person may follow an invitation link; whether it is theirs is decided on the row (acceptInvitationRefusal). */
export const canOpenInvitation = (actor: Actor | null): actor is Actor => !!actor;

/** An invitation link works for 14 days. */
export const INVITATION_TTL_DAYS = 14;

export type InvitationState = "valid" | "used" | "expired" | "closed";

/** Where an invitation stands: the invitation page shows it, and accepting needs "valid". */
export function invitationState(invitation: { acceptedAt: Date | null; expiresAt: Date; organization: { status: OrganizationStatus } }, now = new Date()): InvitationState {
  if (invitation.acceptedAt) return "used";
  if (invitation.expiresAt <= now) return "expired";
  return membershipChangeRefusal(invitation.organization) ? "closed" : "valid";
}

/**
 * Whether the signed-in person may accept this invitation now: it must be valid and addressed
 * to their own email (a forwarded link does not make someone else a member).
 */
export function acceptInvitationRefusal(
  actor: Actor,
  invitation: { email: string; acceptedAt: Date | null; expiresAt: Date; organization: { status: OrganizationStatus } },
  now: Date,
): Refusal | null {
  switch (invitationState(invitation, now)) {
    case "used":
      return refuse.conflict("organizations.invitationUsed");
    case "expired":
      return refuse.conflict("organizations.invitationExpired");
    case "closed":
      return refuse.conflict("organizations.wrongState");
  }
  return invitation.email.toLowerCase() === actor.email.toLowerCase() ? null : refuse.forbidden("organizations.invitationWrongEmail");
}

/** The ids of the organizations the actor administers: commands put these in their WHERE clauses. */
export const adminOrganizationIds = (actor: Actor | null): string[] =>
  actor?.memberships.filter((m) => m.role === "ADMIN").map((m) => m.organizationId) ?? [];

/**
 * A verified organization is public. Any other status is seen only by its own members and by
 * staff (who must see it to review it); everyone else gets "not found".
 */
export function canViewOrganization(actor: Actor | null, org: { id: string; status: OrganizationStatus }): boolean {
  if (org.status === "VERIFIED") return true;
  return isStaff(actor) || !!membershipIn(actor, org.id);
}

/**
 * Revoking an invitation or removing a member starts from the row (its organization is not in
 * the form): anyone who administers some organization may try, and the query is scoped to those.
 */
export const administersAnOrganization = (actor: Actor | null): actor is Actor => adminOrganizationIds(actor).length > 0;

/** Contact email, member list with emails, pending invitations: the organization's admins and staff only. */
export const canSeePrivateDetails = (actor: Actor | null, organizationId: string): boolean =>
  isStaff(actor) || isOrganizationAdmin(actor, organizationId);
