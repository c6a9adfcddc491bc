import { db } from "@/lib/db/client";
import { cachedRead } from "@/lib/cache/query-cache";
import type { Prisma } from "@/lib/generated/prisma/client";
import { membershipIn, type Actor } from "@/lib/auth/actor";
import { forbidden } from "@/lib/errors";
import type { CountryCount } from "@/lib/i18n/countries";
import { canReviewOrganizations, canSeePrivateDetails, canViewOrganization, invitationState, isOrganizationAdmin, membershipChangeRefusal, type InvitationState } from "./policy";
import { hashInvitationToken } from "./tokens";
import { INVITATION_TOKEN_PATTERN, organizationFiltersSchema, type OrganizationFilters } from "./schemas";

export const ORGANIZATIONS_PAGE_SIZE = 20;
export const REVIEW_QUEUE_PAGE_SIZE = 20;
/** The pending and suspended lists of the staff queue are short; this caps a flood. */
const REVIEW_QUEUE_MAX = 200;

/**
 * What anyone may read about an organization. Every public query selects exactly this:
 * never contactEmail, never statusReason, never members.
 */
export const publicOrganizationSelect = {
  id: true,
  slug: true,
  name: true,
  acronym: true,
  country: true,
  subregion: true,
  type: true,
  languages: true,
  website: true,
  description: true,
} as const satisfies Prisma.OrganizationSelect;

/** Who is public: verified organizations only (the directory, the open data and the API read this). */
export const publicOrganizationWhere = { status: "VERIFIED" } as const satisfies Prisma.OrganizationWhereInput;

export type PublicOrganization = Prisma.OrganizationGetPayload<{ select: typeof publicOrganizationSelect }>;

/** A valid slug looks like this; anything else cannot exist, so it is not looked up. */
const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The public directory: verified organizations only, filtered by country, sub-region and
 * type, sorted by name, 20 a page. One query for the page and one for the count.
 * `filters` may come straight from the URL: unknown values are ignored.
 */
export async function listPublicOrganizations(filters: OrganizationFilters | Record<string, unknown>, page = 1, pageSize = ORGANIZATIONS_PAGE_SIZE) {
  const f = organizationFiltersSchema.parse(filters ?? {});
  const safePage = Math.max(1, Math.floor(page) || 1);
  const where: Prisma.OrganizationWhereInput = { ...publicOrganizationWhere };
  if (f.country) where.country = f.country;
  if (f.subregion) where.subregion = f.subregion;
  if (f.type) where.type = f.type;
  const [items, total] = await Promise.all([
    db.organization.findMany({
      where,
      select: publicOrganizationSelect,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: (safePage - 1) * pageSize,
      take: pageSize,
    }),
    db.organization.count({ where }),
  ]);
  return { items, total, page: safePage, pageCount: Math.max(1, Math.ceil(total / pageSize)), filters: f };
}

/** The countries of verified organizations, with how many each: the directory's country filter offers these. */
export async function directoryCountries(): Promise<CountryCount[]> {
  return cachedRead("organizations.countries", null, readDirectoryCountries);
}

async function readDirectoryCountries(): Promise<CountryCount[]> {
  const rows = await db.organization.groupBy({ by: ["country"], where: publicOrganizationWhere, _count: { _all: true } });
  return rows.map((r) => ({ country: r.country, count: r._count._all }));
}

/**
 * One organization's profile, or null when it does not exist or the actor may not see it
 * (anything but VERIFIED is seen only by its members and staff). The `private` part (contact
 * email, members with their emails, open invitations, the status reason) is there only for the
 * organization's admins and staff.
 */
export async function getOrganizationProfile(actor: Actor | null, slug: string) {
  if (typeof slug !== "string" || slug.length > 120 || !SLUG_PATTERN.test(slug)) return null;
  const organization = await db.organization.findUnique({
    where: { slug },
    select: { ...publicOrganizationSelect, status: true },
  });
  if (!organization || !canViewOrganization(actor, organization)) return null;

  const isMember = !!membershipIn(actor, organization.id);
  const isAdmin = isOrganizationAdmin(actor, organization.id);
  if (!canSeePrivateDetails(actor, organization.id)) {
    return { organization, viewer: { isMember, isAdmin, canManageMembers: false }, private: null };
  }
  const now = new Date();
  const details = await db.organization.findUniqueOrThrow({
    where: { id: organization.id },
    select: {
      contactEmail: true,
      statusReason: true,
      statusChangedAt: true,
      createdAt: true,
      memberships: {
        select: { id: true, role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
        orderBy: [{ role: "asc" }, { createdAt: "asc" }],
      },
      invitations: {
        where: { acceptedAt: null, expiresAt: { gt: now } },
        select: { id: true, email: true, role: true, expiresAt: true, invitedBy: { select: { name: true } } },
        orderBy: { createdAt: "desc" },
      },
    },
  });
  return {
    organization,
    viewer: { isMember, isAdmin, canManageMembers: isAdmin && membershipChangeRefusal(organization) === null },
    private: {
      contactEmail: details.contactEmail,
      statusReason: details.statusReason,
      statusChangedAt: details.statusChangedAt,
      registeredAt: details.createdAt,
      members: details.memberships.map((m) => ({
        membershipId: m.id,
        userId: m.user.id,
        name: m.user.name,
        email: m.user.email,
        role: m.role,
        joinedAt: m.createdAt,
      })),
      invitations: details.invitations.map((i) => ({
        id: i.id,
        email: i.email,
        role: i.role,
        expiresAt: i.expiresAt,
        invitedByName: i.invitedBy?.name ?? null,
      })),
    },
  };
}

export type OrganizationProfile = NonNullable<Awaited<ReturnType<typeof getOrganizationProfile>>>;

const reviewSelect = {
  ...publicOrganizationSelect,
  status: true,
  contactEmail: true,
  statusReason: true,
  statusChangedAt: true,
  createdAt: true,
  createdBy: { select: { name: true, email: true } },
} as const satisfies Prisma.OrganizationSelect;

export type ReviewQueueOrganization = Prisma.OrganizationGetPayload<{ select: typeof reviewSelect }>;

/**
 * The staff queue: pending organizations oldest first (with every detail staff need to
 * decide), verified ones by name (paginated) to suspend, suspended ones to reinstate.
 */
export async function listReviewQueue(actor: Actor | null, options: { verifiedPage?: number } = {}) {
  if (!canReviewOrganizations(actor)) throw forbidden();
  const verifiedPage = Math.max(1, Math.floor(options.verifiedPage ?? 1) || 1);
  const [pending, verified, suspended, counts] = await Promise.all([
    db.organization.findMany({ where: { status: "PENDING" }, select: reviewSelect, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: REVIEW_QUEUE_MAX }),
    db.organization.findMany({
      where: { status: "VERIFIED" },
      select: reviewSelect,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: (verifiedPage - 1) * REVIEW_QUEUE_PAGE_SIZE,
      take: REVIEW_QUEUE_PAGE_SIZE,
    }),
    db.organization.findMany({
      where: { status: "SUSPENDED" },
      select: reviewSelect,
      orderBy: [{ statusChangedAt: "desc" }, { id: "asc" }],
      take: REVIEW_QUEUE_MAX,
    }),
    db.organization.groupBy({ by: ["status"], _count: { _all: true } }),
  ]);
  const count = (status: string) => counts.find((c) => c.status === status)?._count._all ?? 0;
  const verifiedTotal = count("VERIFIED");
  return {
    pending,
    verified,
    suspended,
    totals: { pending: count("PENDING"), verified: verifiedTotal, suspended: count("SUSPENDED"), rejected: count("REJECTED") },
    verifiedPage,
    verifiedPageCount: Math.max(1, Math.ceil(verifiedTotal / REVIEW_QUEUE_PAGE_SIZE)),
  };
}

export type InvitationLookup =
  | { state: "unknown" }
  | {
      state: InvitationState;
      invitation: {
        email: string;
        role: "ADMIN" | "MEMBER";
        expiresAt: Date;
        organizationId: string;
        organizationName: string;
        organizationSlug: string;
        invitedByName: string | null;
      };
    };

/**
 * What the invitation page needs to know about a token. The invited address is returned for
 * the server to compare with the signed-in user's; pages do not print it.
 */
export async function getInvitationByToken(token: string): Promise<InvitationLookup> {
  if (typeof token !== "string" || !INVITATION_TOKEN_PATTERN.test(token)) return { state: "unknown" };
  const row = await db.organizationInvitation.findUnique({
    where: { tokenHash: hashInvitationToken(token) },
    select: {
      email: true,
      role: true,
      acceptedAt: true,
      expiresAt: true,
      invitedBy: { select: { name: true } },
      organization: { select: { id: true, name: true, slug: true, status: true } },
    },
  });
  if (!row) return { state: "unknown" };
  return {
    state: invitationState(row),
    invitation: {
      email: row.email,
      role: row.role,
      expiresAt: row.expiresAt,
      organizationId: row.organization.id,
      organizationName: row.organization.name,
      organizationSlug: row.organization.slug,
      invitedByName: row.invitedBy?.name ?? null,
    },
  };
}

/**
 * The actor's own organizations still waiting for verification, with the day they registered:
 * the proposal form and the dashboard tell members since when. No query when there are none.
 */
export async function listOwnPendingOrganizations(actor: Actor | null) {
  const pending = actor?.memberships.filter((m) => m.organizationStatus === "PENDING").map((m) => m.organizationId) ?? [];
  if (pending.length === 0) return [];
  return db.organization.findMany({
    // The status again: it may have been verified since the actor was loaded.
    where: { id: { in: pending }, status: "PENDING", memberships: { some: { userId: actor?.userId } } },
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true, slug: true, createdAt: true },
  });
}

export type OwnPendingOrganization = Awaited<ReturnType<typeof listOwnPendingOrganizations>>[number];
