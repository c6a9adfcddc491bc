import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { parseMemberQuery } from "@/lib/nominations/schemas";
import { committeeWorkspace, searchMembers, sessionWorkspace } from "@/lib/nominations/queries";
import { createOrganization, createUser, resetDatabase } from "../helpers/factories";
import { captureQueries } from "../helpers/query-count";
import { buildNominationWorld, createSession, insertNomination, NOMINATION_ROLES } from "../helpers/nomination-fixtures";

type World = Awaited<ReturnType<typeof buildNominationWorld>>;
const DAY = 24 * 60 * 60 * 1000;

describe("the committee's workspace", () => {
  let world: World;
  beforeEach(async () => {
    await resetDatabase();
    world = await buildNominationWorld();
  });

  it("is for committee members and staff only", async () => {
    const session = await createSession();
    await insertNomination(session.id, { status: "ACCEPTED" });
    for (const role of NOMINATION_ROLES) {
      const allowed = ["committee", "independent", "chair", "staff", "admin"].includes(role);
      expect(!!(await committeeWorkspace(world.actors[role])), role).toBe(allowed);
      expect(!!(await sessionWorkspace(world.actors[role], session.id)), role).toBe(allowed);
      expect((await searchMembers(world.actors[role], "Org")).length > 0, role).toBe(allowed);
    }
  });

  it("lists sessions open for nominations and just confirmed, soonest first; never drafts or held sessions", async () => {
    const later = await createSession({ startsAt: new Date(Date.now() + 60 * DAY) });
    const sooner = await createSession({ startsAt: new Date(Date.now() + 20 * DAY) });
    const confirmed = await createSession({ status: "SPEAKERS_CONFIRMED" });
    const draft = await createSession({ status: "DRAFT", nominationDeadline: null });
    const held = await createSession({ status: "HELD", startsAt: new Date(Date.now() - DAY), nominationDeadline: new Date(Date.now() - 2 * DAY) });
    const workspace = await committeeWorkspace(world.actors.independent);
    expect(workspace!.sessions.map((s) => s.id)).toEqual([sooner.id, confirmed.id, later.id]);
    expect(workspace!.sessions.find((s) => s.id === confirmed.id)!.can).toEqual({ nominate: false, confirm: false, setMode: false, open: false });
    expect(await sessionWorkspace(world.actors.staff, draft.id)).toBeNull();
    // One held session can still be read on its own page.
    expect((await sessionWorkspace(world.actors.staff, held.id))?.session.can.open).toBe(false);
    expect(await sessionWorkspace(world.actors.staff, "not-an-id")).toBeNull();
  });

  it("shows seats, states, endorsements, votes, recusals, what each one may do and the balance", async () => {
    const session = await createSession({ panelistSeats: 3, selectionMode: "CHAIR" });
    const selected = await insertNomination(session.id, { status: "SELECTED", gender: "WOMAN", country: "CO", selectedById: world.users.chair.id });
    const accepted = await insertNomination(session.id, {
      status: "ACCEPTED",
      name: "Del Org",
      nomineeUserId: world.users.orgMember.id,
      organizationId: world.org.id,
      nominatedById: world.users.independent.id,
    });
    const lapsed = await insertNomination(session.id, { status: "INVITED", invitationExpiresAt: new Date(Date.now() - 1000) });
    await db.nominationEndorsement.create({ data: { nominationId: accepted.id, userId: world.users.chair.id } });
    await db.nominationSelectionVote.create({ data: { nominationId: accepted.id, userId: world.users.independent.id, rationale: "Voto." } });

    const forCommittee = (await sessionWorkspace(world.actors.committee, session.id))!.session;
    expect(forCommittee.seats).toEqual({ PANELIST: { total: 3, filled: 1 }, RAPPORTEUR: { total: 1, filled: 0 }, MODERATOR: { total: 1, filled: 0 } });
    expect(forCommittee.totalSeats).toBe(5);
    expect(forCommittee.balance.filled).toBe(1);
    expect(forCommittee.balance.subregion.ANDEAN).toBe(1);
    const byId = Object.fromEntries(forCommittee.nominations.map((n) => [n.id, n]));
    // An invitation that ran out reads EXPIRED without anyone having stored it.
    expect(byId[lapsed.id].status).toBe("EXPIRED");
    expect(byId[accepted.id].endorsements).toEqual([{ userId: world.users.chair.id, name: "Committee Chair" }]);
    expect(byId[accepted.id].votes).toEqual([{ userId: world.users.independent.id, name: "Independent Committee Member", rationale: "Voto." }]);
    expect(byId[accepted.id].organizationName).toBe(world.org.name);
    // The committee member is from `org`: recused, so no endorse or select button.
    expect(byId[accepted.id].can).toMatchObject({ recused: true, endorse: false, select: false });
    expect(byId[selected.id].can).toMatchObject({ recused: false, endorse: true, select: false, unselect: false });
    expect(forCommittee.can).toEqual({ nominate: true, confirm: false, setMode: false, open: true });

    const forChair = (await sessionWorkspace(world.actors.chair, session.id))!.session;
    const chairView = Object.fromEntries(forChair.nominations.map((n) => [n.id, n]));
    expect(chairView[accepted.id].can).toMatchObject({ recused: false, endorse: false, removeEndorsement: true, select: true });
    expect(chairView[selected.id].can).toMatchObject({ unselect: true, withdraw: true });
    expect(chairView[accepted.id].mode).toBe("CHAIR");
    expect(chairView[accepted.id].balanceIfSelected?.filled).toBe(2);
    expect(forChair.can).toMatchObject({ setMode: true, confirm: false });

    const forNominator = (await sessionWorkspace(world.actors.independent, session.id))!.session;
    expect(forNominator.nominations.find((n) => n.id === accepted.id)!.can).toMatchObject({ ownNomination: true, endorse: false, select: false, withdraw: true });

    const forStaff = (await sessionWorkspace(world.actors.staff, session.id))!.session;
    expect(forStaff.can).toEqual({ nominate: false, confirm: true, setMode: true, open: true });
    expect(forStaff.nominations.every((n) => !n.can.endorse && !n.can.select)).toBe(true);
  });

  it("counts the slate and the pool of everyone who accepted by gender choice, never by description", async () => {
    const session = await createSession({ panelistSeats: 3 });
    // The slate: three women and two men, however their nominators would have typed it.
    await insertNomination(session.id, { status: "SELECTED", gender: "WOMAN", country: "CO", role: "PANELIST" });
    await insertNomination(session.id, { status: "SELECTED", gender: "WOMAN", country: "BR", role: "PANELIST" });
    await insertNomination(session.id, { status: "SELECTED", gender: "MAN", country: "HT", role: "RAPPORTEUR" });
    // The pool adds those who accepted and were not selected (yet, or at confirmation).
    await insertNomination(session.id, { status: "ACCEPTED", gender: "WOMAN", country: "MX" });
    await insertNomination(session.id, { status: "NOT_SELECTED", gender: "MAN", country: "AR" });
    const described = await insertNomination(session.id, { status: "ACCEPTED", gender: "ANOTHER", genderDescription: "mujer trans", country: "PE" });
    await insertNomination(session.id, { status: "ACCEPTED", gender: "ANOTHER", genderDescription: "dos espíritus", country: "CL" });
    await insertNomination(session.id, { status: "ACCEPTED", country: "UY" });
    // Nobody who has not consented, or has withdrawn, is in the pool.
    for (const status of ["PROPOSED", "INVITED", "DECLINED", "EXPIRED", "WITHDRAWN"] as const) await insertNomination(session.id, { status, gender: "WOMAN" });

    const view = (await sessionWorkspace(world.actors.chair, session.id))!.session;
    expect(view.balance.filled).toBe(3);
    expect(view.balance.gender).toEqual({ WOMAN: 2, MAN: 1, NON_BINARY: 0, ANOTHER: 0, PREFERS_NOT_TO_SAY: 0, NOT_STATED: 0 });
    expect(view.pool.people).toBe(8);
    // Two different descriptions are still one "another identity" row.
    expect(view.pool.gender).toEqual({ WOMAN: 3, MAN: 2, NON_BINARY: 0, ANOTHER: 2, PREFERS_NOT_TO_SAY: 0, NOT_STATED: 1 });
    expect(view.pool.subregion.SOUTHERN_CONE_BRAZIL).toBe(4);
    expect(view.pool).not.toHaveProperty("warnings");
    // The card gets the choice and the description beside it.
    expect(view.nominations.find((n) => n.id === described.id)).toMatchObject({ gender: "ANOTHER", genderDescription: "mujer trans" });
  });

  it("warns about the slate by gender choice: a third woman makes 3 of 4 seats", async () => {
    const session = await createSession({ panelistSeats: 2 });
    await insertNomination(session.id, { status: "SELECTED", gender: "WOMAN", country: "CO" });
    await insertNomination(session.id, { status: "SELECTED", gender: "WOMAN", country: "BR" });
    const third = await insertNomination(session.id, { status: "ACCEPTED", gender: "WOMAN", country: "HT", role: "MODERATOR" });
    const other = await insertNomination(session.id, { status: "ACCEPTED", gender: "ANOTHER", genderDescription: "mujer", country: "MX", role: "MODERATOR" });
    const view = (await sessionWorkspace(world.actors.chair, session.id))!.session;
    expect(view.balance.warnings).toEqual([]);
    const byId = Object.fromEntries(view.nominations.map((n) => [n.id, n]));
    expect(byId[third.id].balanceIfSelected?.warnings).toEqual([{ dimension: "gender", key: "WOMAN", count: 3, seats: 4 }]);
    // What someone wrote about themselves never joins them to a choice.
    expect(byId[other.id].balanceIfSelected?.warnings).toEqual([]);
  });

  it("tells first-time speakers from people selected at an earlier session", async () => {
    const past = await createSession({ status: "REPORT_PUBLISHED", startsAt: new Date(Date.now() - 60 * DAY), nominationDeadline: new Date(Date.now() - 90 * DAY) });
    await insertNomination(past.id, { status: "SELECTED", email: "veterana@example.test" });
    await insertNomination(past.id, { status: "NOT_SELECTED", email: "no-hablo@example.test" });
    const session = await createSession();
    const returning = await insertNomination(session.id, { status: "ACCEPTED", email: "Veterana@Example.test" });
    const newcomer = await insertNomination(session.id, { status: "ACCEPTED", email: "no-hablo@example.test" });
    const view = (await sessionWorkspace(world.actors.chair, session.id))!.session;
    expect(view.nominations.find((n) => n.id === returning.id)!.firstTime).toBe(false);
    expect(view.nominations.find((n) => n.id === newcomer.id)!.firstTime).toBe(true);
  });

  it("reads the workspace in a fixed number of queries, whatever the number of nominations", async () => {
    async function countFor(nominations: number) {
      await resetDatabase();
      const w = await buildNominationWorld();
      for (let s = 0; s < 2; s++) {
        const session = await createSession({ panelistSeats: 50 });
        for (let i = 0; i < nominations; i++) {
          const n = await insertNomination(session.id, { status: i % 3 === 0 ? "SELECTED" : "ACCEPTED", nominatedById: w.users.independent.id, country: i % 2 ? "CO" : "BR" });
          await db.nominationEndorsement.create({ data: { nominationId: n.id, userId: w.users.chair.id } });
          if (i % 3 === 1) await db.nominationSelectionVote.create({ data: { nominationId: n.id, userId: w.users.committee.id, rationale: "Sí." } });
        }
      }
      const committee = await captureQueries(() => committeeWorkspace(w.actors.committee));
      expect(committee.result!.sessions.reduce((sum, s) => sum + s.nominations.length, 0)).toBe(2 * nominations);
      const sessionId = committee.result!.sessions[0].id;
      const single = await captureQueries(() => sessionWorkspace(w.actors.chair, sessionId));
      return { committee: committee.queries.length, single: single.queries.length };
    }
    const few = await countFor(2);
    const many = await countFor(25);
    expect(many).toEqual(few);
    // One per relation level of the nested reads, a few lookups; never one per row.
    expect(few.committee).toBeLessThanOrEqual(20);
  });
});

describe("the member search", () => {
  beforeEach(resetDatabase);

  it("finds members of verified organizations by name or organization, with no email, for the committee only", async () => {
    const world = await buildNominationWorld();
    const verifiedUser = await createUser({ name: "Gabriela Quispe", email: "gabriela.quispe@example.test" });
    const pendingUser = await createUser({ name: "Gabriela Pending", email: "gabriela.pending@example.test" });
    await createOrganization({ name: "Red Andina de Migrantes", country: "PE", members: [{ userId: verifiedUser.id, role: "MEMBER" }] });
    await createOrganization({ name: "Organización Pendiente", status: "PENDING", members: [{ userId: pendingUser.id, role: "ADMIN" }] });

    const found = await searchMembers(world.actors.independent, "gabriela");
    expect(found).toEqual([
      { userId: verifiedUser.id, name: "Gabriela Quispe", organizationId: expect.any(String), organizationName: "Red Andina de Migrantes", country: "PE" },
    ]);
    expect(JSON.stringify(found)).not.toContain("@");
    expect((await searchMembers(world.actors.independent, "andina")).map((m) => m.userId)).toEqual([verifiedUser.id]);
    expect(await searchMembers(world.actors.orgAdmin, "gabriela")).toEqual([]);
    expect(await searchMembers(null, "gabriela")).toEqual([]);
    // Searching by email finds nothing: the address is not a search key.
    expect(await searchMembers(world.actors.independent, "quispe@example")).toEqual([]);
  });

  it("takes a search of 2 to 100 characters", () => {
    expect(parseMemberQuery("  Ana   María ")).toBe("Ana María");
    expect(parseMemberQuery("a")).toBeNull();
    expect(parseMemberQuery("x".repeat(101))).toBeNull();
    expect(parseMemberQuery(["ana", "luz"])).toBe("ana");
    expect(parseMemberQuery(undefined)).toBeNull();
  });
});
