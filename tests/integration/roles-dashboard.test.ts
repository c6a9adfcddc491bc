import { randomBytes } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getDashboard } from "@/lib/dashboard/queries";
import { actorFor, buildWorld, createOrganization, createUser, giveCommitteeTerm, resetDatabase } from "../helpers/factories";

const hash = () => randomBytes(32).toString("hex");
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000);

describe("the dashboard", () => {
  beforeEach(resetDatabase);

  it("shows the user's organizations, usable invitations to their email and no staff task", async () => {
    const { users, org, otherOrg } = await buildWorld();
    const inviting = await createOrganization({ name: "Red Invitante", status: "VERIFIED" });
    await db.organizationInvitation.createMany({
      data: [
        // Usable (the email's case does not matter).
        { organizationId: inviting.id, email: users.orgMember.email.toUpperCase(), role: "ADMIN", tokenHash: hash(), expiresAt: inDays(3) },
        // Expired, accepted, or for someone else: not shown.
        { organizationId: otherOrg.id, email: users.orgMember.email, tokenHash: hash(), expiresAt: inDays(-1) },
        { organizationId: otherOrg.id, email: users.orgMember.email, tokenHash: hash(), expiresAt: inDays(3), acceptedAt: new Date() },
        { organizationId: otherOrg.id, email: users.participant.email, tokenHash: hash(), expiresAt: inDays(3) },
      ],
    });
    const dashboard = await getDashboard(await actorFor(users.orgMember.id));
    expect(dashboard.memberships).toEqual([
      expect.objectContaining({ organizationId: org.id, organizationSlug: org.slug, role: "MEMBER", organizationStatus: "VERIFIED" }),
    ]);
    expect(dashboard.invitations).toEqual([
      { id: expect.any(String), role: "ADMIN", expiresAt: expect.any(Date), organization: { name: "Red Invitante", slug: inviting.slug } },
    ]);
    expect(dashboard.staffQueues).toBeNull();
    expect(dashboard.ownPendingOrganizations).toEqual([]);
    expect(dashboard.committeeTerms).toEqual([]);
    expect(dashboard.siteRoles).toEqual({ isStaff: false, isAdmin: false });
  });

  it("counts organizations awaiting verification for staff", async () => {
    const { users } = await buildWorld();
    await createOrganization({ status: "PENDING" });
    await createOrganization({ status: "PENDING" });
    await createOrganization({ status: "REJECTED" });
    const dashboard = await getDashboard(await actorFor(users.staff.id));
    expect(dashboard.staffQueues?.find((q) => q.key === "organizations")?.count).toBe(2);
    expect(dashboard.siteRoles.isStaff).toBe(true);
    expect(dashboard.memberships).toEqual([]);
  });

  it("shows the current and upcoming committee terms, not ended ones", async () => {
    const { users, org } = await buildWorld();
    const dashboard = await getDashboard(await actorFor(users.committee.id));
    expect(dashboard.committeeTerms).toEqual([
      expect.objectContaining({ isCurrent: true, isChair: false, organization: { name: org.name, slug: org.slug } }),
    ]);

    const user = await createUser();
    const ended = await giveCommitteeTerm(user.id, null, { isChair: true });
    await db.committeeTerm.update({ where: { id: ended.id }, data: { endedEarlyAt: new Date() } });
    await db.committeeTerm.create({ data: { userId: user.id, startsOn: inDays(30), endsOn: inDays(60) } });
    const later = await getDashboard(await actorFor(user.id));
    expect(later.committeeTerms).toEqual([expect.objectContaining({ isCurrent: false, isChair: false, organization: null })]);
  });
  it("lists the sessions the user registered for that have not ended, never drafts, and the workspace links by role", async () => {
    const { users, actors } = await buildWorld();
    const session = (title: string, startsInDays: number, status: "DRAFT" | "OPEN_FOR_NOMINATIONS" | "HELD") =>
      db.reviewSession.create({
        data: {
          title: { es: title },
          description: { es: "…" },
          startsAt: inDays(startsInDays),
          endsAt: new Date(inDays(startsInDays).getTime() + 3_600_000),
          timeZone: "America/Tegucigalpa",
          format: "VIRTUAL",
          panelistSeats: 3,
          status,
        },
      });
    const later = await session("Más tarde", 20, "OPEN_FOR_NOMINATIONS");
    const soon = await session("Pronto", 5, "OPEN_FOR_NOMINATIONS");
    const past = await session("Pasada", -5, "HELD");
    const draft = await session("Borrador", 10, "DRAFT");
    const other = await session("De otra persona", 7, "OPEN_FOR_NOMINATIONS");
    for (const s of [later, soon, past, draft]) {
      await db.sessionRegistration.create({ data: { sessionId: s.id, userId: users.orgMember.id, language: "es" } });
    }
    await db.sessionRegistration.create({ data: { sessionId: other.id, userId: users.participant.id, language: "es" } });

    const dashboard = await getDashboard(actors.orgMember!);
    expect(dashboard.registrations.map((s) => s.id)).toEqual([soon.id, later.id]);
    expect(dashboard.seesCommitteeWorkspace).toBe(false);
    expect(dashboard.managesSessions).toBe(false);
    expect((await getDashboard(actors.committee!)).seesCommitteeWorkspace).toBe(true);
    expect((await getDashboard(actors.committee!)).managesSessions).toBe(false);
    expect((await getDashboard(actors.staff!)).managesSessions).toBe(true);
    expect((await getDashboard(actors.staff!)).seesCommitteeWorkspace).toBe(true);
  });
  it("shows the user's own nominations (never someone else's, never a draft session's) and which can still be withdrawn", async () => {
    const { users, actors } = await buildWorld();
    const session = (startsInDays: number, status: "DRAFT" | "OPEN_FOR_NOMINATIONS") =>
      db.reviewSession.create({
        data: {
          title: { es: `Sesión ${startsInDays}` },
          description: { es: "…" },
          startsAt: inDays(startsInDays),
          endsAt: new Date(inDays(startsInDays).getTime() + 3_600_000),
          timeZone: "America/Panama",
          format: "VIRTUAL",
          panelistSeats: 3,
          status,
        },
      });
    const open = await session(20, "OPEN_FOR_NOMINATIONS");
    const draft = await session(25, "DRAFT");
    const nomination = (sessionId: string, userId: string | null, status: "ACCEPTED" | "INVITED" | "DECLINED", expiresInDays = 5) =>
      db.nomination.create({
        data: {
          sessionId,
          role: "PANELIST",
          nomineeUserId: userId,
          nomineeName: "Nominee",
          nomineeEmail: "nominee@example.test",
          nomineeCountry: "HN",
          rationale: "Private rationale",
          status,
          invitationExpiresAt: inDays(expiresInDays),
        },
      });
    const accepted = await nomination(open.id, users.orgMember.id, "ACCEPTED");
    const expired = await nomination(open.id, users.orgMember.id, "INVITED", -1);
    const declined = await nomination(open.id, users.orgMember.id, "DECLINED");
    await nomination(draft.id, users.orgMember.id, "INVITED");
    await nomination(open.id, users.participant.id, "ACCEPTED");

    const mine = (await getDashboard(actors.orgMember!)).nominations;
    expect(mine.map((n) => [n.id, n.status, n.canWithdraw]).sort()).toEqual(
      [
        [accepted.id, "ACCEPTED", true],
        [expired.id, "EXPIRED", true],
        [declined.id, "DECLINED", false],
      ].sort(),
    );
    expect(JSON.stringify(mine)).not.toContain("Private rationale");
    expect((await getDashboard(actors.staff!)).nominations).toEqual([]);
  });
});
