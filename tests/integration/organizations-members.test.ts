import { beforeEach, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import { acceptInvitation, inviteMember, removeMember, revokeInvitation } from "@/lib/organizations/commands";
import { getInvitationByToken, getOrganizationProfile } from "@/lib/organizations/queries";
import { hashInvitationToken, newInvitationToken } from "@/lib/organizations/tokens";
import type { MembershipRole } from "@/lib/generated/prisma/enums";
import { actorFor, buildWorld, createOrganization, createUser, resetDatabase, type RoleName } from "../helpers/factories";
import { appError, outcome, ROLES, rowCounts, tokenFromOutbox, type Outcome } from "./organizations-fixtures";

/** An invitation written straight to the database, with a token the test knows. */
async function seedInvitation(options: { organizationId: string; email: string; role?: MembershipRole; expiresAt?: Date; acceptedAt?: Date }) {
  const token = newInvitationToken();
  const invitation = await db.organizationInvitation.create({
    data: {
      organizationId: options.organizationId,
      email: options.email,
      role: options.role ?? "MEMBER",
      tokenHash: hashInvitationToken(token),
      expiresAt: options.expiresAt ?? new Date(Date.now() + 86_400_000),
      acceptedAt: options.acceptedAt ?? null,
    },
  });
  return { token, invitation };
}

describe("inviting members", () => {
  beforeEach(resetDatabase);

  const expected: Record<RoleName, Outcome> = {
    visitor: "unauthenticated",
    participant: "forbidden",
    orgAdmin: "ok",
    orgMember: "forbidden",
    otherOrgMember: "forbidden", // an admin, but of another organization
    committee: "forbidden",
    staff: "forbidden",
    admin: "forbidden",
  };

  it.each(ROLES)("role × invite: %s", async (role) => {
    const { actors, org } = await buildWorld();
    const before = await rowCounts();
    const result = await outcome(inviteMember(actors[role], { organizationId: org.id, email: `new-${role}@example.test`, role: "MEMBER" }));
    expect(result).toBe(expected[role]);
    const after = await rowCounts();
    if (result === "ok") expect(after).toEqual({ ...before, invitations: before.invitations + 1, audit: before.audit + 1, outbox: before.outbox + 1 });
    else expect(after).toEqual(before);
  });

  it("stores only the token's sha256, expires in 14 days and emails the link in the page's language", async () => {
    const { actors, org } = await buildWorld();
    const result = await inviteMember(actors.orgAdmin, { organizationId: org.id, email: " Nueva@Example.test ", role: "ADMIN", locale: "pt" });
    expect(result.emailSent).toBe(true);
    const { token, locale, subject, text } = await tokenFromOutbox("nueva@example.test");
    expect(locale).toBe("pt");
    expect(subject).toBe(`Convite para participar de ${org.name} no Puente`);
    expect(text).toContain(`http://localhost:3000/pt/invitations/${token}`);
    const row = await db.organizationInvitation.findUniqueOrThrow({ where: { id: result.invitationId } });
    expect(row.tokenHash).toBe(hashInvitationToken(token));
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row).toMatchObject({ email: "nueva@example.test", role: "ADMIN", invitedById: actors.orgAdmin!.userId, acceptedAt: null });
    const days = (row.expiresAt.getTime() - row.createdAt.getTime()) / 86_400_000;
    expect(days).toBeGreaterThan(13.99);
    expect(days).toBeLessThan(14.01);
    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "organization.member_invited" } });
    expect(audit.isPublic).toBe(false);
    expect(JSON.stringify(audit.data)).not.toContain("@");
  });

  it("writes to someone with an account in their own language", async () => {
    const { actors, org } = await buildWorld();
    const user = await createUser({ email: "francoise@example.test" });
    await db.user.update({ where: { id: user.id }, data: { preferredLocale: "fr" } });
    await inviteMember(actors.orgAdmin, { organizationId: org.id, email: "FRANCOISE@example.test", role: "MEMBER", locale: "es" });
    const mail = await tokenFromOutbox("francoise@example.test");
    expect(mail.locale).toBe("fr");
    expect(mail.subject).toBe(`Invitation à rejoindre ${org.name} sur Puente`);
  });

  it("refuses members, addresses already invited, bad input and closed organizations, writing nothing", async () => {
    const { actors, org, users, otherOrg } = await buildWorld();
    await inviteMember(actors.orgAdmin, { organizationId: org.id, email: "pending@example.test", role: "MEMBER" });
    const before = await rowCounts();
    const cases: [() => Promise<unknown>, string, string][] = [
      [() => inviteMember(actors.orgAdmin, { organizationId: org.id, email: users.orgMember.email.toUpperCase(), role: "MEMBER" }), "email", "organizations.alreadyMember"],
      [() => inviteMember(actors.orgAdmin, { organizationId: org.id, email: "PENDING@example.test", role: "ADMIN" }), "email", "organizations.alreadyInvited"],
      [() => inviteMember(actors.orgAdmin, { organizationId: org.id, email: "", role: "MEMBER" }), "email", "required"],
      [() => inviteMember(actors.orgAdmin, { organizationId: org.id, email: "nope", role: "MEMBER" }), "email", "invalidEmail"],
      [() => inviteMember(actors.orgAdmin, { organizationId: org.id, email: "x@example.test", role: "OWNER" }), "role", "invalidChoice"],
      [() => inviteMember(actors.orgAdmin, { organizationId: "x", email: "x@example.test", role: "MEMBER" }), "organizationId", "invalidFormat"],
    ];
    for (const [work, field, key] of cases) {
      const error = await appError(work());
      expect(error.kind).toBe("invalid");
      expect(error.fieldErrors[field]?.map((m) => m.key)).toContain(key);
    }
    // Another organization's id: the admin of `org` has no rights there.
    expect(await outcome(inviteMember(actors.orgAdmin, { organizationId: otherOrg.id, email: "y@example.test", role: "MEMBER" }))).toBe("forbidden");
    expect(await rowCounts()).toEqual(before);

    await db.organization.update({ where: { id: org.id }, data: { status: "SUSPENDED" } });
    const closed = await appError(inviteMember(await actorFor(users.orgAdmin.id), { organizationId: org.id, email: "z@example.test", role: "MEMBER" }));
    expect(closed.userMessage.key).toBe("organizations.wrongState");
    expect(await rowCounts()).toEqual(before);
  });

  it("lets an admin revoke a pending invitation of their own organization only", async () => {
    const { actors, org, otherOrg } = await buildWorld();
    const mine = await seedInvitation({ organizationId: org.id, email: "a@example.test" });
    const theirs = await seedInvitation({ organizationId: otherOrg.id, email: "b@example.test" });
    expect(await outcome(revokeInvitation(actors.orgAdmin, { invitationId: theirs.invitation.id }))).toBe("not_found");
    expect(await outcome(revokeInvitation(actors.orgMember, { invitationId: mine.invitation.id }))).toBe("forbidden");
    expect(await outcome(revokeInvitation(actors.staff, { invitationId: mine.invitation.id }))).toBe("forbidden");
    expect(await outcome(revokeInvitation(actors.visitor, { invitationId: mine.invitation.id }))).toBe("unauthenticated");
    expect(await db.organizationInvitation.count()).toBe(2);
    await revokeInvitation(actors.orgAdmin, { invitationId: mine.invitation.id });
    expect(await db.organizationInvitation.count()).toBe(1);
    expect((await getInvitationByToken(mine.token)).state).toBe("unknown");
    expect(await db.auditEntry.count({ where: { action: "organization.invitation_revoked", isPublic: false } })).toBe(1);
  });
});

describe("accepting an invitation", () => {
  beforeEach(resetDatabase);

  const expected: Record<RoleName, Outcome> = {
    visitor: "unauthenticated",
    participant: "ok",
    orgAdmin: "ok",
    orgMember: "ok",
    otherOrgMember: "ok",
    committee: "ok",
    staff: "ok",
    admin: "ok",
  };

  it.each(ROLES)("role × accept an invitation to their own address: %s", async (role) => {
    const { actors } = await buildWorld();
    const third = await createOrganization({ name: "Tercera" });
    const email = actors[role]?.email ?? "visitor@example.test";
    const { token, invitation } = await seedInvitation({ organizationId: third.id, email: email.toUpperCase(), role: "ADMIN" });
    const before = await rowCounts();
    expect(await outcome(acceptInvitation(actors[role], { token }))).toBe(expected[role]);
    if (expected[role] === "ok") {
      const membership = await db.membership.findFirstOrThrow({ where: { organizationId: third.id, userId: actors[role]!.userId } });
      expect(membership.role).toBe("ADMIN");
      expect((await db.organizationInvitation.findUniqueOrThrow({ where: { id: invitation.id } })).acceptedAt).toBeInstanceOf(Date);
      expect(await rowCounts()).toEqual({ ...before, memberships: before.memberships + 1, audit: before.audit + 1 });
    } else {
      expect(await rowCounts()).toEqual(before);
    }
  });

  it.each(ROLES.filter((r) => r !== "visitor"))("role × accept an invitation sent to someone else: %s is refused", async (role) => {
    const { actors } = await buildWorld();
    const third = await createOrganization({ name: "Tercera" });
    const { token, invitation } = await seedInvitation({ organizationId: third.id, email: "someone-else@example.test" });
    const before = await rowCounts();
    const error = await appError(acceptInvitation(actors[role], { token }));
    expect(error.kind).toBe("forbidden");
    expect(error.userMessage.key).toBe("organizations.invitationWrongEmail");
    expect(await rowCounts()).toEqual(before);
    expect((await db.organizationInvitation.findUniqueOrThrow({ where: { id: invitation.id } })).acceptedAt).toBeNull();
  });

  it("works end to end from the email, once", async () => {
    const { actors, org } = await buildWorld();
    const invitee = await createUser({ name: "Invitee", email: "invitee@example.test" });
    await inviteMember(actors.orgAdmin, { organizationId: org.id, email: "Invitee@Example.test", role: "MEMBER", locale: "es" });
    const { token } = await tokenFromOutbox("invitee@example.test");
    expect(await getInvitationByToken(token)).toMatchObject({ state: "valid", invitation: { organizationSlug: org.slug, role: "MEMBER" } });

    const actor = await actorFor(invitee.id);
    const joined = await acceptInvitation(actor, { token });
    expect(joined).toMatchObject({ organizationSlug: org.slug, role: "MEMBER" });
    expect((await getInvitationByToken(token)).state).toBe("used");

    const again = await appError(acceptInvitation(actor, { token }));
    expect(again.kind).toBe("conflict");
    expect(again.userMessage.key).toBe("organizations.invitationUsed");
    expect(await db.membership.count({ where: { organizationId: org.id, userId: invitee.id } })).toBe(1);
    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "organization.member_joined" } });
    expect(audit).toMatchObject({ isPublic: false, actorId: invitee.id, entityId: org.id });
    expect(JSON.stringify(audit.data)).not.toContain("@");
  });

  it("is single-use even when the link is clicked twice at once", async () => {
    const { org } = await buildWorld();
    const invitee = await createUser({ email: "twice@example.test" });
    const { token } = await seedInvitation({ organizationId: org.id, email: "twice@example.test" });
    const actor = await actorFor(invitee.id);
    const results = await Promise.all([outcome(acceptInvitation(actor, { token })), outcome(acceptInvitation(actor, { token }))]);
    expect(results.sort()).toEqual(["conflict", "ok"]);
    expect(await db.membership.count({ where: { userId: invitee.id } })).toBe(1);
  });

  it("refuses expired, used, unknown and malformed tokens, writing nothing", async () => {
    const { org } = await buildWorld();
    const invitee = await createUser({ email: "late@example.test" });
    const actor = await actorFor(invitee.id);
    const expired = await seedInvitation({ organizationId: org.id, email: "late@example.test", expiresAt: new Date(Date.now() - 1000) });
    const used = await seedInvitation({ organizationId: org.id, email: "late@example.test", acceptedAt: new Date() });
    const before = await rowCounts();

    const e1 = await appError(acceptInvitation(actor, { token: expired.token }));
    expect([e1.kind, e1.userMessage.key]).toEqual(["conflict", "organizations.invitationExpired"]);
    const e2 = await appError(acceptInvitation(actor, { token: used.token }));
    expect([e2.kind, e2.userMessage.key]).toEqual(["conflict", "organizations.invitationUsed"]);
    expect((await appError(acceptInvitation(actor, { token: newInvitationToken() }))).kind).toBe("not_found");
    expect((await appError(acceptInvitation(actor, { token: "short" }))).kind).toBe("invalid");
    expect((await appError(acceptInvitation(actor, { token: 12345 }))).kind).toBe("invalid");
    expect(await rowCounts()).toEqual(before);

    expect((await getInvitationByToken(expired.token)).state).toBe("expired");
    expect((await getInvitationByToken(used.token)).state).toBe("used");
    expect((await getInvitationByToken(newInvitationToken())).state).toBe("unknown");
    expect((await getInvitationByToken("../../etc/passwd")).state).toBe("unknown");
  });

  it("refuses to join a suspended or rejected organization, and someone who is already a member", async () => {
    const { org, users } = await buildWorld();
    const suspended = await createOrganization({ status: "SUSPENDED" });
    const invitee = await createUser({ email: "closed@example.test" });
    const closed = await seedInvitation({ organizationId: suspended.id, email: "closed@example.test" });
    expect((await getInvitationByToken(closed.token)).state).toBe("closed");
    const e1 = await appError(acceptInvitation(await actorFor(invitee.id), { token: closed.token }));
    expect(e1.userMessage.key).toBe("organizations.wrongState");

    const member = await seedInvitation({ organizationId: org.id, email: users.orgMember.email });
    const e2 = await appError(acceptInvitation(await actorFor(users.orgMember.id), { token: member.token }));
    expect([e2.kind, e2.userMessage.key]).toEqual(["conflict", "organizations.alreadyMemberSelf"]);
    expect((await db.organizationInvitation.findUniqueOrThrow({ where: { id: member.invitation.id } })).acceptedAt).toBeNull();
  });
});

describe("removing members", () => {
  beforeEach(resetDatabase);

  const expected: Record<RoleName, Outcome> = {
    visitor: "unauthenticated",
    participant: "forbidden",
    orgAdmin: "ok",
    orgMember: "forbidden",
    otherOrgMember: "not_found", // admin of another organization: the membership is out of their reach
    committee: "forbidden",
    staff: "forbidden",
    admin: "forbidden",
  };

  it.each(ROLES)("role × remove a member of `org`: %s", async (role) => {
    const { actors, org, users } = await buildWorld();
    const target = await db.membership.findFirstOrThrow({ where: { organizationId: org.id, userId: users.orgMember.id } });
    const before = await rowCounts();
    expect(await outcome(removeMember(actors[role], { membershipId: target.id }))).toBe(expected[role]);
    const remaining = await db.membership.count({ where: { id: target.id } });
    if (expected[role] === "ok") {
      expect(remaining).toBe(0);
      expect(await rowCounts()).toEqual({ ...before, memberships: before.memberships - 1, audit: before.audit + 1 });
      const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "organization.member_removed" } });
      expect(audit.isPublic).toBe(false);
      expect(audit.data).toMatchObject({ userId: users.orgMember.id, role: "MEMBER" });
      expect(JSON.stringify(audit.data)).not.toContain("@");
    } else {
      expect(remaining).toBe(1);
      expect(await rowCounts()).toEqual(before);
    }
  });

  it("never removes the last admin, and removes an admin when another remains", async () => {
    const { actors, org, users } = await buildWorld();
    const self = await db.membership.findFirstOrThrow({ where: { organizationId: org.id, userId: users.orgAdmin.id } });
    const error = await appError(removeMember(actors.orgAdmin, { membershipId: self.id }));
    expect([error.kind, error.userMessage.key]).toEqual(["conflict", "organizations.lastAdmin"]);
    expect(await db.membership.count({ where: { id: self.id } })).toBe(1);

    await db.membership.update({ where: { userId_organizationId: { userId: users.orgMember.id, organizationId: org.id } }, data: { role: "ADMIN" } });
    await removeMember(await actorFor(users.orgAdmin.id), { membershipId: self.id });
    expect(await db.membership.count({ where: { id: self.id } })).toBe(0);
  });

  it("leaves one admin when two admins remove each other at the same time", async () => {
    const { org, users } = await buildWorld();
    await db.membership.update({ where: { userId_organizationId: { userId: users.orgMember.id, organizationId: org.id } }, data: { role: "ADMIN" } });
    const a = await actorFor(users.orgAdmin.id);
    const b = await actorFor(users.orgMember.id);
    const aMembership = await db.membership.findFirstOrThrow({ where: { organizationId: org.id, userId: a.userId } });
    const bMembership = await db.membership.findFirstOrThrow({ where: { organizationId: org.id, userId: b.userId } });
    const results = await Promise.all([
      outcome(removeMember(a, { membershipId: bMembership.id })),
      outcome(removeMember(b, { membershipId: aMembership.id })),
    ]);
    expect(results).toContain("ok");
    expect(await db.membership.count({ where: { organizationId: org.id, role: "ADMIN" } })).toBe(1);
  });

  it("refuses bad and unknown ids, and another organization's members, writing nothing", async () => {
    const { actors, otherOrg, users } = await buildWorld();
    const foreign = await db.membership.findFirstOrThrow({ where: { organizationId: otherOrg.id, userId: users.otherOrgMember.id } });
    const before = await rowCounts();
    expect((await appError(removeMember(actors.orgAdmin, { membershipId: foreign.id }))).kind).toBe("not_found");
    expect((await appError(removeMember(actors.orgAdmin, { membershipId: randomUUID() }))).kind).toBe("not_found");
    expect((await appError(removeMember(actors.orgAdmin, { membershipId: "1 OR 1=1" }))).kind).toBe("invalid");
    expect((await appError(removeMember(actors.orgAdmin, {}))).kind).toBe("invalid");
    expect(await rowCounts()).toEqual(before);
  });

  it("shows the member list with emails, the contact email and pending invitations to the organization's admins and staff only", async () => {
    const { actors, org } = await buildWorld();
    await seedInvitation({ organizationId: org.id, email: "invited@example.test" });
    for (const role of ROLES) {
      const profile = await getOrganizationProfile(actors[role], org.slug);
      const sees = role === "orgAdmin" || role === "staff" || role === "admin";
      expect(!!profile?.private, role).toBe(sees);
      const text = JSON.stringify(profile);
      expect(text.includes(org.contactEmail), role).toBe(sees);
      expect(text.includes("invited@example.test"), role).toBe(sees);
      expect(profile?.viewer.canManageMembers, role).toBe(role === "orgAdmin");
    }
  });
});
