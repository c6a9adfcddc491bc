import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { conflict, fieldError, forbidden, notFound, notSignedIn, parseInput, rateLimited } from "@/lib/errors";
import { logError } from "@/lib/log";
import { sendMail, type Mail } from "@/lib/mail/send";
import { isLimited, recordHit, type RateLimitRule } from "@/lib/rate-limit/consume";
import { invitationEmail, statusChangeEmail } from "./emails";
import {
  adminOrganizationIds,
  canManageMembers,
  canRegisterOrganization,
  canReviewOrganizations,
  nextStatus,
  OPEN_FOR_MEMBERS,
  type ReviewAction,
} from "./policy";
import {
  acceptInvitationSchema,
  inviteMemberSchema,
  registerOrganizationSchema,
  reinstateOrganizationSchema,
  rejectOrganizationSchema,
  removeMemberSchema,
  revokeInvitationSchema,
  suspendOrganizationSchema,
  verifyOrganizationSchema,
} from "./schemas";
import { subregionFor } from "./subregions";
import { hashInvitationToken, newInvitationToken } from "./tokens";

type Tx = Prisma.TransactionClient;

export const INVITATION_TTL_DAYS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;

// Generous limits: they stop a script, not a person.
const registerRule = (userId: string): RateLimitRule => ({ key: `organizations.register:${userId}`, limit: 10, windowSeconds: 24 * 3600 });
const inviteRule = (userId: string): RateLimitRule => ({ key: `organizations.invite:${userId}`, limit: 50, windowSeconds: 3600 });

/** Path segments under /organizations that are pages, so no organization may take them as its slug. */
const RESERVED_SLUGS = new Set(["new"]);
const SLUG_BASE_MAX = 100; // the column holds 120: room for "-NNN"

/** An ASCII slug from a name: accents stripped, lower case, words joined by "-". */
export function slugify(name: string): string {
  const base = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/ß/g, "ss")
    .replace(/[æ]/g, "ae")
    .replace(/[œ]/g, "oe")
    .replace(/[ø]/g, "o")
    .replace(/[đð]/g, "d")
    .replace(/[ł]/g, "l")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+/, "")
    .slice(0, SLUG_BASE_MAX)
    .replace(/-+$/, "");
  return base || "organizacion";
}

/** Serializes one kind of write across every app server for the rest of the transaction. */
async function advisoryLock(tx: Tx, name: string) {
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${name}))::text AS locked`;
}

/** Locks the organization's row: membership changes of one organization happen one after another. */
async function lockOrganization(tx: Tx, organizationId: string) {
  await tx.$queryRaw`SELECT id::text FROM "Organization" WHERE id = ${organizationId}::uuid FOR UPDATE`;
}

/** The slug from the name, or the same with -2, -3… when it is taken. Call under the registration lock. */
async function allocateSlug(tx: Tx, name: string): Promise<string> {
  const base = slugify(name);
  const rows = await tx.organization.findMany({
    where: { OR: [{ slug: base }, { slug: { startsWith: `${base}-` } }] },
    select: { slug: true },
  });
  const taken = new Set(rows.map((r) => r.slug));
  if (!taken.has(base) && !RESERVED_SLUGS.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** Mail goes out after the commit; a failed email is logged and never undoes the decision. */
async function deliver(mails: Mail[]): Promise<boolean> {
  let ok = true;
  for (const mail of mails) {
    try {
      await sendMail(mail);
    } catch (error) {
      ok = false;
      logError("organizations.mail", error);
    }
  }
  return ok;
}

// ─── Registration ──────────────────────────────────────────────────────────────────────────

/**
 * A signed-in person registers an organization. It starts PENDING (not public), with the
 * registrant as its admin. The same person cannot register the same name twice while pending.
 */
export async function registerOrganization(actor: Actor | null, raw: unknown) {
  const input = parseInput(registerOrganizationSchema, raw);
  if (!actor) throw notSignedIn();
  if (!canRegisterOrganization(actor)) throw forbidden();
  if (await isLimited([registerRule(actor.userId)])) throw rateLimited();

  const organization = await db.$transaction(async (tx) => {
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
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "organization.registered",
      entityType: "Organization",
      entityId: created.id,
      isPublic: false,
      data: { organizationName: created.name, organizationSlug: created.slug },
    });
    return created;
  });
  await recordHit([registerRule(actor.userId)]);
  return organization;
}

// ─── Verification by staff ─────────────────────────────────────────────────────────────────

const AUDIT_ACTION: Record<ReviewAction, string> = {
  verify: "organization.verified",
  reject: "organization.rejected",
  suspend: "organization.suspended",
  reinstate: "organization.reinstated",
};

async function review(actor: Actor | null, action: ReviewAction, input: { organizationId: string; reason?: string }) {
  if (!actor) throw notSignedIn();
  if (!canReviewOrganizations(actor)) throw forbidden();
  const now = new Date();
  const { organization, admins } = await db.$transaction(async (tx) => {
    const current = await tx.organization.findUnique({
      where: { id: input.organizationId },
      select: { id: true, name: true, slug: true, status: true },
    });
    if (!current) throw notFound();
    const to = nextStatus(current.status, action);
    if (!to) throw conflict("organizations.wrongState");
    // The status in the WHERE: if someone else decided first, nothing is written.
    const { count } = await tx.organization.updateMany({
      where: { id: current.id, status: current.status },
      data: { status: to, statusReason: input.reason ?? null, statusChangedAt: now },
    });
    if (count !== 1) throw conflict("organizations.wrongState");
    // Rejected organizations were never public, so neither is their rejection. Public entries
    // carry the name and slug only: the reason goes to the organization's admins, not the log.
    const isPublic = action !== "reject";
    await recordAudit(tx, {
      actorId: actor.userId,
      action: AUDIT_ACTION[action],
      entityType: "Organization",
      entityId: current.id,
      isPublic,
      data: isPublic
        ? { organizationName: current.name, organizationSlug: current.slug }
        : { organizationName: current.name, organizationSlug: current.slug, reason: input.reason ?? null },
    });
    const admins = await tx.membership.findMany({
      where: { organizationId: current.id, role: "ADMIN" },
      select: { user: { select: { email: true, preferredLocale: true } } },
    });
    return { organization: { ...current, status: to }, admins };
  });
  await deliver(
    admins.map(({ user }) =>
      statusChangeEmail({
        to: user.email,
        locale: user.preferredLocale,
        action,
        organizationName: organization.name,
        organizationSlug: organization.slug,
        reason: input.reason,
      }),
    ),
  );
  return organization;
}

export async function verifyOrganization(actor: Actor | null, raw: unknown) {
  return review(actor, "verify", parseInput(verifyOrganizationSchema, raw));
}

export async function rejectOrganization(actor: Actor | null, raw: unknown) {
  return review(actor, "reject", parseInput(rejectOrganizationSchema, raw));
}

export async function suspendOrganization(actor: Actor | null, raw: unknown) {
  return review(actor, "suspend", parseInput(suspendOrganizationSchema, raw));
}

export async function reinstateOrganization(actor: Actor | null, raw: unknown) {
  return review(actor, "reinstate", parseInput(reinstateOrganizationSchema, raw));
}

// ─── Members and invitations ───────────────────────────────────────────────────────────────

/** Where clause for an organization the actor administers, checked again in the database. */
const administeredBy = (actor: Actor) => ({
  id: { in: adminOrganizationIds(actor) },
  memberships: { some: { userId: actor.userId, role: "ADMIN" as const } },
});

/**
 * An organization admin invites someone by email. The link holds a random token; only its
 * sha256 is stored. Returns whether the email went out.
 */
export async function inviteMember(actor: Actor | null, raw: unknown) {
  const input = parseInput(inviteMemberSchema, raw);
  if (!actor) throw notSignedIn();
  if (!canManageMembers(actor, input.organizationId)) throw forbidden();
  if (await isLimited([inviteRule(actor.userId)])) throw rateLimited();

  const token = newInvitationToken();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_DAYS * DAY_MS);
  const result = await db.$transaction(async (tx) => {
    const organization = await tx.organization.findFirst({
      where: { AND: [administeredBy(actor), { id: input.organizationId }] },
      select: { id: true, name: true, slug: true, status: true },
    });
    if (!organization) throw notFound();
    await lockOrganization(tx, organization.id);
    if (!OPEN_FOR_MEMBERS.includes(organization.status)) throw conflict("organizations.wrongState");
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
    const invitation = await tx.organizationInvitation.create({
      data: {
        organizationId: organization.id,
        email: input.email,
        role: input.role,
        tokenHash: hashInvitationToken(token),
        invitedById: actor.userId,
        expiresAt,
      },
      select: { id: true, role: true, expiresAt: true },
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "organization.member_invited",
      entityType: "Organization",
      entityId: organization.id,
      isPublic: false,
      data: { organizationName: organization.name, organizationSlug: organization.slug, invitationId: invitation.id, role: invitation.role },
    });
    return { organization, invitation, locale: invitee?.preferredLocale ?? input.locale ?? actor.locale };
  });
  await recordHit([inviteRule(actor.userId)]);
  const emailSent = await deliver([
    invitationEmail({
      to: input.email,
      locale: result.locale,
      token,
      inviterName: actor.name,
      organizationName: result.organization.name,
      role: result.invitation.role,
      expiresAt: result.invitation.expiresAt,
    }),
  ]);
  return { invitationId: result.invitation.id, expiresAt: result.invitation.expiresAt, emailSent };
}

/** An admin withdraws an invitation that was not accepted yet: its link stops working. */
export async function revokeInvitation(actor: Actor | null, raw: unknown) {
  const input = parseInput(revokeInvitationSchema, raw);
  if (!actor) throw notSignedIn();
  if (adminOrganizationIds(actor).length === 0) throw forbidden();
  await db.$transaction(async (tx) => {
    const invitation = await tx.organizationInvitation.findFirst({
      where: { id: input.invitationId, acceptedAt: null, organization: administeredBy(actor) },
      select: { id: true, role: true, organization: { select: { id: true, name: true, slug: true } } },
    });
    if (!invitation) throw notFound();
    const { count } = await tx.organizationInvitation.deleteMany({ where: { id: invitation.id, acceptedAt: null } });
    if (count !== 1) throw notFound();
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "organization.invitation_revoked",
      entityType: "Organization",
      entityId: invitation.organization.id,
      isPublic: false,
      data: {
        organizationName: invitation.organization.name,
        organizationSlug: invitation.organization.slug,
        invitationId: invitation.id,
        role: invitation.role,
      },
    });
  });
}

/**
 * The invited person, signed in with the address the invitation went to, joins. The token
 * works once and for 14 days.
 */
export async function acceptInvitation(actor: Actor | null, raw: unknown) {
  const input = parseInput(acceptInvitationSchema, raw);
  if (!actor) throw notSignedIn();
  const now = new Date();
  return db.$transaction(async (tx) => {
    const invitation = await tx.organizationInvitation.findUnique({
      where: { tokenHash: hashInvitationToken(input.token) },
      select: {
        id: true,
        email: true,
        role: true,
        acceptedAt: true,
        expiresAt: true,
        organization: { select: { id: true, name: true, slug: true, status: true } },
      },
    });
    if (!invitation) throw notFound();
    if (invitation.acceptedAt) throw conflict("organizations.invitationUsed");
    if (invitation.expiresAt <= now) throw conflict("organizations.invitationExpired");
    if (invitation.email.toLowerCase() !== actor.email.toLowerCase()) throw forbidden("organizations.invitationWrongEmail");
    const organization = invitation.organization;
    await lockOrganization(tx, organization.id);
    if (!OPEN_FOR_MEMBERS.includes(organization.status)) throw conflict("organizations.wrongState");
    // Single use even when the link is clicked twice at once.
    const claimed = await tx.organizationInvitation.updateMany({
      where: { id: invitation.id, acceptedAt: null },
      data: { acceptedAt: now },
    });
    if (claimed.count !== 1) throw conflict("organizations.invitationUsed");
    const existing = await tx.membership.findUnique({
      where: { userId_organizationId: { userId: actor.userId, organizationId: organization.id } },
      select: { id: true },
    });
    if (existing) throw conflict("organizations.alreadyMemberSelf");
    await tx.membership.create({ data: { userId: actor.userId, organizationId: organization.id, role: invitation.role } });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "organization.member_joined",
      entityType: "Organization",
      entityId: organization.id,
      isPublic: false,
      data: {
        organizationName: organization.name,
        organizationSlug: organization.slug,
        invitationId: invitation.id,
        userId: actor.userId,
        role: invitation.role,
      },
    });
    return { organizationId: organization.id, organizationSlug: organization.slug, organizationName: organization.name, role: invitation.role };
  });
}

/** An admin removes a member of an organization they administer; the last admin stays. */
export async function removeMember(actor: Actor | null, raw: unknown) {
  const input = parseInput(removeMemberSchema, raw);
  if (!actor) throw notSignedIn();
  if (adminOrganizationIds(actor).length === 0) throw forbidden();
  await db.$transaction(async (tx) => {
    const target = await tx.membership.findFirst({
      where: { id: input.membershipId, organization: administeredBy(actor) },
      select: { id: true, userId: true, role: true, organization: { select: { id: true, name: true, slug: true } } },
    });
    if (!target) throw notFound();
    const organization = target.organization;
    await lockOrganization(tx, organization.id);
    // Under the lock: the actor is still an admin and the member is still there.
    const stillAdmin = await tx.membership.count({ where: { organizationId: organization.id, userId: actor.userId, role: "ADMIN" } });
    const admins = await tx.membership.count({ where: { organizationId: organization.id, role: "ADMIN" } });
    if (!stillAdmin) throw notFound();
    const current = await tx.membership.findUnique({ where: { id: target.id }, select: { role: true } });
    if (!current) throw notFound();
    if (current.role === "ADMIN" && admins <= 1) throw conflict("organizations.lastAdmin");
    await tx.membership.delete({ where: { id: target.id } });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "organization.member_removed",
      entityType: "Organization",
      entityId: organization.id,
      isPublic: false,
      data: { organizationName: organization.name, organizationSlug: organization.slug, userId: target.userId, role: current.role },
    });
  });
}
