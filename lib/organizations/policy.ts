import { isStaff, membershipIn, type Actor } from "@/lib/auth/actor";
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

export const canTransition = (status: OrganizationStatus, action: ReviewAction) => nextStatus(status, action) !== null;

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

/** Contact email, member list with emails, pending invitations: the organization's admins and staff only. */
export const canSeePrivateDetails = (actor: Actor | null, organizationId: string): boolean =>
  isStaff(actor) || isOrganizationAdmin(actor, organizationId);
