import type { Actor } from "@/lib/auth/actor";

// Who may do what with site roles and committee terms. Deny by default: a visitor (null) may do nothing here.

/** The admin area (verification queue, committee terms): staff, and admins who are staff too. */
export const canOpenAdminArea = (actor: Actor | null): actor is Actor => !!actor?.isStaff;

/** Granting and revoking STAFF and ADMIN, and seeing who holds them with their emails. */
export const canManageSiteRoles = (actor: Actor | null): actor is Actor => !!actor?.isAdmin;

/** Naming and ending committee terms: staff name the committee. */
export const canManageCommitteeTerms = (actor: Actor | null): actor is Actor => !!actor?.isStaff;

/** The mail outbox holds personal links (invitations, password resets): admins only. */
export const canReadOutbox = (actor: Actor | null): actor is Actor => !!actor?.isAdmin;

/** Finding accounts by email, to pick whom a role or a term goes to. */
export const canSearchUsers = (actor: Actor | null): actor is Actor => canManageSiteRoles(actor) || canManageCommitteeTerms(actor);

/**
 * Whether granting or revoking a role goes in the public log: staff, admins and delegates answer
 * for the portal in public; a monitoring reviewer's name could expose them to the people they document.
 */
export const isPublicRole = (role: "STAFF" | "ADMIN" | "MONITORING_REVIEWER" | "DELEGATE"): boolean => role !== "MONITORING_REVIEWER";
