import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { confirmSlate, endorse, removeEndorsement, select, setSelectionMode, unselect } from "@/lib/nominations/commands";
import { isSeatLimitError } from "@/lib/nominations/commands/seat-limit";
import { actorFor, createUser, giveCommitteeTerm, resetDatabase } from "../helpers/factories";
import {
  appError,
  buildNominationWorld,
  createSession,
  insertNomination,
  nominationRowCounts,
  outcome,
} from "../helpers/nomination-fixtures";
import { deliverQueuedMail } from "../helpers/mail";

type World = Awaited<ReturnType<typeof buildNominationWorld>>;

describe("recusal", () => {
  let world: World;
  beforeEach(async () => {
    await resetDatabase();
    world = await buildNominationWorld();
  });

  it("keeps a member of the nominee's organization from endorsing, voting, selecting or unselecting, with its own message", async () => {
    const session = await createSession({ selectionMode: "TWO_MEMBERS" });
    // The nominee is a member of `org`, like the committee member.
    const n = await insertNomination(session.id, { status: "ACCEPTED", nomineeUserId: world.users.orgMember.id, organizationId: world.org.id });
    const s = await insertNomination(session.id, { status: "SELECTED", organizationId: world.org.id });
    const before = await nominationRowCounts();
    for (const work of [
      () => endorse(world.actors.committee, { nominationId: n.id }),
      () => select(world.actors.committee, { nominationId: n.id, rationale: "Conoce el tema." }),
      () => unselect(world.actors.committee, { nominationId: s.id }),
    ]) {
      const error = await appError(work());
      expect(error.kind).toBe("forbidden");
      expect(error.userMessage.key).toBe("nominations.recused");
    }
    expect(await nominationRowCounts()).toEqual(before);
    // The same member acts on a nominee from elsewhere.
    const elsewhere = await insertNomination(session.id, { status: "ACCEPTED", organizationId: world.otherOrg.id });
    expect(await outcome(endorse(world.actors.committee, { nominationId: elsewhere.id }))).toBe("ok");
  });

  it("sees the organization a term represents, and an organization typed by hand under another case and spacing", async () => {
    const session = await createSession();
    // `independent` represents `network` without being a member of it.
    const fromNetwork = await insertNomination(session.id, { status: "ACCEPTED", organizationId: world.network.id });
    expect((await appError(endorse(world.actors.independent, { nominationId: fromNetwork.id }))).userMessage.key).toBe("nominations.recused");
    // Someone without an account whose organization is typed like the committee member's own.
    const typed = await insertNomination(session.id, { status: "ACCEPTED", organizationName: "  red  regional DE PRUEBA " });
    expect((await appError(endorse(world.actors.committee, { nominationId: typed.id }))).userMessage.key).toBe("nominations.recused");
    const typedNetwork = await insertNomination(session.id, { status: "ACCEPTED", organizationName: "Red independiente de movilidad" });
    expect((await appError(endorse(world.actors.independent, { nominationId: typedNetwork.id }))).userMessage.key).toBe("nominations.recused");
    // Not recused from a different organization.
    expect(await outcome(endorse(world.actors.independent, { nominationId: typed.id }))).toBe("ok");
  });

  it("does not let the nominator endorse their own nomination; twice is once; an endorsement can be taken back", async () => {
    const session = await createSession();
    const n = await insertNomination(session.id, { status: "PROPOSED", nominatedById: world.users.independent.id });
    expect((await appError(endorse(world.actors.independent, { nominationId: n.id }))).userMessage.key).toBe("nominations.ownNomination");
    expect(await endorse(world.actors.chair, { nominationId: n.id })).toEqual({ nominationId: n.id, sessionId: session.id, alreadyDone: false });
    expect(await endorse(world.actors.chair, { nominationId: n.id })).toEqual({ nominationId: n.id, sessionId: session.id, alreadyDone: true });
    expect(await db.nominationEndorsement.count({ where: { nominationId: n.id } })).toBe(1);
    expect(await removeEndorsement(world.actors.chair, { nominationId: n.id })).toEqual({ nominationId: n.id, sessionId: session.id, alreadyDone: false });
    expect(await removeEndorsement(world.actors.chair, { nominationId: n.id })).toEqual({ nominationId: n.id, sessionId: session.id, alreadyDone: true });
    const actions = (await db.auditEntry.findMany({ where: { entityId: n.id }, orderBy: { id: "asc" } })).map((e) => [e.action, e.isPublic]);
    expect(actions).toEqual([
      ["nomination.endorsed", false],
      ["nomination.endorsement_removed", false],
    ]);
  });
});

describe("selection", () => {
  let world: World;
  beforeEach(async () => {
    await resetDatabase();
    world = await buildNominationWorld();
  });

  it("in chair mode, the chair selects alone with a rationale", async () => {
    const session = await createSession();
    const n = await insertNomination(session.id, { status: "ACCEPTED", name: "Julia Mendoza" });
    const result = await select(world.actors.chair, { nominationId: n.id, rationale: "Diez años en albergues de la frontera." });
    expect(result).toMatchObject({ status: "SELECTED", mode: "CHAIR", selected: true });
    const stored = await db.nomination.findUniqueOrThrow({ where: { id: n.id } });
    expect(stored).toMatchObject({ status: "SELECTED", selectedById: world.users.chair.id, selectionRationale: "Diez años en albergues de la frontera." });
    const entry = await db.auditEntry.findFirstOrThrow({ where: { action: "nomination.selected" } });
    expect(entry.isPublic).toBe(false);
    expect(entry.data).toMatchObject({ nomineeName: "Julia Mendoza", mode: "CHAIR", rationale: "Diez años en albergues de la frontera." });
  });

  it("in two-member mode, the second vote by a different member selects", async () => {
    const session = await createSession({ selectionMode: "TWO_MEMBERS" });
    const n = await insertNomination(session.id, { status: "ACCEPTED" });
    const first = await select(world.actors.independent, { nominationId: n.id, rationale: "Primera razón." });
    expect(first).toMatchObject({ status: "ACCEPTED", mode: "TWO_MEMBERS", votes: 1, selected: false });
    expect((await appError(select(world.actors.independent, { nominationId: n.id, rationale: "Otra vez." }))).userMessage.key).toBe("nominations.alreadyVoted");
    const second = await select(world.actors.committee, { nominationId: n.id, rationale: "Segunda razón." });
    expect(second).toMatchObject({ status: "SELECTED", votes: 2, selected: true });
    const stored = await db.nomination.findUniqueOrThrow({ where: { id: n.id } });
    expect(stored).toMatchObject({ status: "SELECTED", selectedById: world.users.committee.id, selectionRationale: "Primera razón." });
    const actions = (await db.auditEntry.findMany({ where: { entityId: n.id }, orderBy: { id: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["nomination.vote", "nomination.vote", "nomination.selected"]);
  });

  it("falls back to two members when the chair is recused, and the chair cannot select", async () => {
    const session = await createSession({ selectionMode: "CHAIR" });
    // The nominee is from the chair's own network.
    const n = await insertNomination(session.id, { status: "ACCEPTED", organizationId: world.chairNetwork.id });
    expect((await appError(select(world.actors.chair, { nominationId: n.id, rationale: "Sí." }))).userMessage.key).toBe("nominations.recused");
    expect((await select(world.actors.independent, { nominationId: n.id, rationale: "Sí." })).selected).toBe(false);
    expect((await select(world.actors.committee, { nominationId: n.id, rationale: "También." })).selected).toBe(true);
    // Elsewhere the chair still selects alone and the others may not.
    const other = await insertNomination(session.id, { status: "ACCEPTED" });
    expect((await appError(select(world.actors.independent, { nominationId: other.id, rationale: "Sí." }))).userMessage.key).toBe("nominations.chairOnly");
  });

  it("unselecting clears the votes and the selection", async () => {
    const session = await createSession({ selectionMode: "TWO_MEMBERS" });
    const n = await insertNomination(session.id, { status: "ACCEPTED" });
    await select(world.actors.independent, { nominationId: n.id, rationale: "A." });
    await select(world.actors.chair, { nominationId: n.id, rationale: "B." });
    const result = await unselect(world.actors.committee, { nominationId: n.id });
    expect(result.status).toBe("ACCEPTED");
    expect(await db.nominationSelectionVote.count()).toBe(0);
    expect(await db.nomination.findUniqueOrThrow({ where: { id: n.id } })).toMatchObject({ selectedAt: null, selectedById: null, selectionRationale: null });
    // Selecting again takes two new votes.
    expect((await select(world.actors.independent, { nominationId: n.id, rationale: "Otra vez A." })).selected).toBe(false);
  });

  it("never exceeds the seats of a role", async () => {
    const session = await createSession({ rapporteurSeats: 1 });
    await insertNomination(session.id, { status: "SELECTED", role: "RAPPORTEUR" });
    const n = await insertNomination(session.id, { status: "ACCEPTED", role: "RAPPORTEUR" });
    const before = await nominationRowCounts();
    const error = await appError(select(world.actors.chair, { nominationId: n.id, rationale: "Sí." }));
    expect(error.kind).toBe("conflict");
    expect(error.userMessage.key).toBe("nominations.seatsFull");
    expect(await nominationRowCounts()).toEqual(before);
  });

  it("has the database refuse a selection over the seats, whatever code writes it (SQLSTATE PU001)", async () => {
    const session = await createSession({ moderatorSeats: 1 });
    await insertNomination(session.id, { status: "SELECTED", role: "MODERATOR" });
    const n = await insertNomination(session.id, { status: "ACCEPTED", role: "MODERATOR" });
    let thrown: unknown = null;
    try {
      await db.nomination.update({ where: { id: n.id }, data: { status: "SELECTED" } });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).not.toBeNull();
    expect(isSeatLimitError(thrown)).toBe(true);
    expect(isSeatLimitError(new Error("something else"))).toBe(false);
    expect((await db.nomination.findUniqueOrThrow({ where: { id: n.id } })).status).toBe("ACCEPTED");
  });

  it("lets exactly one of two simultaneous selections take the last seat", async () => {
    // A second chair, so two people select at the same moment.
    const secondChairUser = await createUser({ name: "Co-Chair" });
    await giveCommitteeTerm(secondChairUser.id, null, { isChair: true });
    const secondChair = await actorFor(secondChairUser.id);
    for (let round = 0; round < 5; round++) {
      const session = await createSession({ panelistSeats: 2 });
      await insertNomination(session.id, { status: "SELECTED" });
      const a = await insertNomination(session.id, { status: "ACCEPTED", country: "CO" });
      const b = await insertNomination(session.id, { status: "ACCEPTED", country: "BR" });
      const results = await Promise.all([
        outcome(select(world.actors.chair, { nominationId: a.id, rationale: "A." })),
        outcome(select(secondChair, { nominationId: b.id, rationale: "B." })),
      ]);
      expect(results.sort(), `round ${round}`).toEqual(["conflict", "ok"]);
      expect(await db.nomination.count({ where: { sessionId: session.id, status: "SELECTED" } })).toBe(2);
      expect(await db.auditEntry.count({ where: { action: "nomination.selected", entityId: { in: [a.id, b.id] } } })).toBe(1);
    }
  });

  it("lets exactly one of two simultaneous deciding votes take the last seat", async () => {
    const session = await createSession({ panelistSeats: 1, selectionMode: "TWO_MEMBERS" });
    const a = await insertNomination(session.id, { status: "ACCEPTED", country: "CO" });
    const b = await insertNomination(session.id, { status: "ACCEPTED", country: "BR" });
    await select(world.actors.chair, { nominationId: a.id, rationale: "A1." });
    await select(world.actors.chair, { nominationId: b.id, rationale: "B1." });
    const results = await Promise.all([
      outcome(select(world.actors.independent, { nominationId: a.id, rationale: "A2." })),
      outcome(select(world.actors.committee, { nominationId: b.id, rationale: "B2." })),
    ]);
    expect(results.sort()).toEqual(["conflict", "ok"]);
    expect(await db.nomination.count({ where: { sessionId: session.id, status: "SELECTED" } })).toBe(1);
  });

  it("changes the selection mode by the chair or staff, until the slate is confirmed", async () => {
    const session = await createSession();
    expect(await setSelectionMode(world.actors.chair, { sessionId: session.id, mode: "TWO_MEMBERS" })).toEqual({ sessionId: session.id, mode: "TWO_MEMBERS", changed: true });
    expect(await setSelectionMode(world.actors.staff, { sessionId: session.id, mode: "TWO_MEMBERS" })).toMatchObject({ changed: false });
    expect((await db.reviewSession.findUniqueOrThrow({ where: { id: session.id } })).selectionMode).toBe("TWO_MEMBERS");
    const entry = await db.auditEntry.findFirstOrThrow({ where: { action: "nomination.selection_mode_changed" } });
    expect(entry).toMatchObject({ isPublic: false, entityType: "ReviewSession", entityId: session.id });
    await db.reviewSession.update({ where: { id: session.id }, data: { status: "SPEAKERS_CONFIRMED" } });
    expect((await appError(setSelectionMode(world.actors.chair, { sessionId: session.id, mode: "CHAIR" }))).userMessage.key).toBe("nominations.slateClosed");
  });
});

describe("the balance warning when selecting", () => {
  let world: World;
  beforeEach(async () => {
    await resetDatabase();
    world = await buildNominationWorld();
  });

  // 3 panelists + 1 rapporteur + 1 moderator = 5 seats: 3 of one kind is 60% (fine), 4 is 80% (warning).
  it("asks for an acknowledgement and a reason when one gender would hold more than 60% of the seats", async () => {
    const session = await createSession({ panelistSeats: 3 });
    await insertNomination(session.id, { status: "SELECTED", gender: "WOMAN", country: "CO" });
    await insertNomination(session.id, { status: "SELECTED", gender: "WOMAN", country: "BR" });
    const third = await insertNomination(session.id, { status: "ACCEPTED", gender: "WOMAN", country: "DO", role: "RAPPORTEUR" });
    // 3 of 5: not more than 60%.
    expect((await select(world.actors.chair, { nominationId: third.id, rationale: "Relatora con experiencia." })).selected).toBe(true);

    const fourth = await insertNomination(session.id, { status: "ACCEPTED", gender: "WOMAN", country: "US", role: "PANELIST" });
    const before = await nominationRowCounts();
    const error = await appError(select(world.actors.chair, { nominationId: fourth.id, rationale: "Voz de la diáspora." }));
    expect(error.kind).toBe("invalid");
    expect(error.userMessage.key).toBe("nominations.imbalanceNeedsAcknowledgement");
    expect(Object.keys(error.fieldErrors).sort()).toEqual(["acknowledgeImbalance", "balanceReason"]);
    // The box alone is not enough.
    const noReason = await appError(select(world.actors.chair, { nominationId: fourth.id, rationale: "Voz de la diáspora.", acknowledgeImbalance: "on" }));
    expect(Object.keys(noReason.fieldErrors)).toEqual(["balanceReason"]);
    expect(await nominationRowCounts()).toEqual(before);

    const result = await select(world.actors.chair, {
      nominationId: fourth.id,
      rationale: "Voz de la diáspora.",
      acknowledgeImbalance: "on",
      balanceReason: "No hubo postulaciones aceptadas de hombres para este panel.",
    });
    expect(result.selected).toBe(true);
    const entry = await db.auditEntry.findFirstOrThrow({ where: { action: "nomination.balance_acknowledged" } });
    expect(entry.isPublic).toBe(false);
    expect(entry.data).toMatchObject({ reason: "No hubo postulaciones aceptadas de hombres para este panel.", warnings: [{ dimension: "gender", count: 4, seats: 5 }] });
    // The private row holds no gender either.
    expect(JSON.stringify(entry.data)).not.toContain("WOMAN");
  });

  it("warns for one sub-region over 60%, never for genders nobody stated", async () => {
    const session = await createSession({ panelistSeats: 3 });
    // Honduras, Guatemala, Mexico: Mexico and Central America; no gender stated.
    await insertNomination(session.id, { status: "SELECTED", country: "HN" });
    await insertNomination(session.id, { status: "SELECTED", country: "GT" });
    await insertNomination(session.id, { status: "SELECTED", country: "MX", role: "RAPPORTEUR" });
    const fourth = await insertNomination(session.id, { status: "ACCEPTED", country: "SV", role: "MODERATOR" });
    const error = await appError(select(world.actors.chair, { nominationId: fourth.id, rationale: "Moderadora." }));
    expect(error.userMessage.key).toBe("nominations.imbalanceNeedsAcknowledgement");
    const ok = await select(world.actors.chair, { nominationId: fourth.id, rationale: "Moderadora.", acknowledgeImbalance: "on", balanceReason: "Sesión sobre Centroamérica." });
    expect(ok.selected).toBe(true);
    const entry = await db.auditEntry.findFirstOrThrow({ where: { action: "nomination.balance_acknowledged" } });
    expect(entry.data).toMatchObject({ warnings: [{ dimension: "subregion", subregion: "MEXICO_CENTRAL_AMERICA", count: 4, seats: 5 }] });
  });

  it("uses the organization's sub-region for a member, and needs nothing when the slate stays balanced", async () => {
    const session = await createSession({ panelistSeats: 3 });
    // `org` is in Mexico and Central America by the factory; the nominees' countries say otherwise.
    await insertNomination(session.id, { status: "SELECTED", country: "BR", organizationId: world.org.id, gender: "MAN" });
    await insertNomination(session.id, { status: "SELECTED", country: "AR", organizationId: world.org.id, gender: "WOMAN" });
    await insertNomination(session.id, { status: "SELECTED", country: "CL", organizationId: world.org.id, gender: "NON_BINARY", role: "RAPPORTEUR" });
    const fourth = await insertNomination(session.id, { status: "ACCEPTED", country: "UY", organizationId: world.otherOrg.id, role: "MODERATOR" });
    expect((await appError(select(world.actors.chair, { nominationId: fourth.id, rationale: "Sí." }))).userMessage.key).toBe(
      "nominations.imbalanceNeedsAcknowledgement",
    );
    const balanced = await insertNomination(session.id, { status: "ACCEPTED", country: "CO", role: "MODERATOR", gender: "WOMAN" });
    expect((await select(world.actors.chair, { nominationId: balanced.id, rationale: "Sí." })).selected).toBe(true);
  });
});

describe("confirming the slate", () => {
  let world: World;
  beforeEach(async () => {
    await resetDatabase();
    world = await buildNominationWorld();
  });

  it("settles every nomination, moves the session, tells the nominees and writes the public log without private data", async () => {
    await db.user.update({ where: { id: world.users.otherOrgMember.id }, data: { preferredLocale: "en" } });
    const session = await createSession({ title: { es: "Sesión sobre trata", en: "Session on trafficking" }, selectionMode: "TWO_MEMBERS" });
    // A member selected by two votes, who allowed everything to be published.
    const member = await insertNomination(session.id, {
      status: "ACCEPTED",
      name: "Other Org Member",
      nomineeUserId: world.users.otherOrgMember.id,
      organizationId: world.otherOrg.id,
      email: world.users.otherOrgMember.email,
      gender: "ANOTHER",
      genderDescription: "mujer trans",
      country: "CO",
    });
    await select(world.actors.independent, { nominationId: member.id, rationale: "Lidera la red de casas de acogida." });
    await select(world.actors.chair, { nominationId: member.id, rationale: "Voz de las personas trans migrantes." });
    // Someone without an account who asked not to have their name published.
    const anonymous = await insertNomination(session.id, {
      status: "SELECTED",
      name: "Persona Reservada",
      email: "reservada@example.test",
      role: "RAPPORTEUR",
      publishName: false,
      publishOrganization: false,
      gender: "MAN",
      country: "BR",
      selectedById: world.users.chair.id,
      selectionRationale: "Relator con experiencia en informes.",
    });
    const notChosen = await insertNomination(session.id, { status: "ACCEPTED", name: "No Elegida", email: "no-elegida@example.test", country: "AR" });
    const proposed = await insertNomination(session.id, { status: "PROPOSED" });
    const invited = await insertNomination(session.id, { status: "INVITED" });
    const declined = await insertNomination(session.id, { status: "DECLINED", email: "declinada@example.test" });

    const result = await confirmSlate(world.actors.staff, { sessionId: session.id });
    expect(result).toEqual({ sessionId: session.id, selected: 2, notSelected: 1, expired: 2, emailsSent: true });

    const statuses = Object.fromEntries((await db.nomination.findMany({ where: { sessionId: session.id } })).map((n) => [n.id, n.status]));
    expect(statuses).toEqual({
      [member.id]: "SELECTED",
      [anonymous.id]: "SELECTED",
      [notChosen.id]: "NOT_SELECTED",
      [proposed.id]: "EXPIRED",
      [invited.id]: "EXPIRED",
      [declined.id]: "DECLINED",
    });
    const stored = await db.reviewSession.findUniqueOrThrow({ where: { id: session.id } });
    expect(stored.status).toBe("SPEAKERS_CONFIRMED");
    expect(stored.statusChangedAt).toBeInstanceOf(Date);

    // Emails: the two selected and the one not selected, in their languages; nobody else.
    await deliverQueuedMail();
    const mails = await db.outboxEmail.findMany();
    expect(mails.map((m) => [m.to, m.subject]).sort((a, b) => a[0].localeCompare(b[0]))).toEqual(
      [
        [world.users.otherOrgMember.email, "You were selected to speak at “Session on trafficking”"],
        ["no-elegida@example.test", "Lista de oradores confirmada para «Sesión sobre trata»"],
        ["reservada@example.test", "Fue seleccionada o seleccionado para hablar en «Sesión sobre trata»"],
      ].sort((a, b) => a[0].localeCompare(b[0])),
    );
    // In the app, for the nominee with an account.
    const notes = await db.notification.findMany({ where: { kind: { startsWith: "nomination." } } });
    expect(notes.map((n) => [n.userId, n.kind, n.data])).toEqual([
      [world.users.otherOrgMember.id, "nomination.selected", { sessionId: session.id, sessionTitle: "Session on trafficking" }],
    ]);

    // The public log: one entry per speaker and one for the session, only what may be published.
    const publicEntries = await db.auditEntry.findMany({ where: { isPublic: true }, orderBy: { id: "asc" } });
    expect(publicEntries.map((e) => e.action)).toEqual(["nomination.confirmed", "nomination.confirmed", "session.speakers_confirmed"]);
    const byEntity = Object.fromEntries(publicEntries.map((e) => [e.entityId, e.data]));
    expect(byEntity[member.id]).toEqual({
      sessionId: session.id,
      sessionTitle: { es: "Sesión sobre trata", en: "Session on trafficking" },
      role: "PANELIST",
      speakerName: "Other Org Member",
      organizationName: world.otherOrg.name,
      selectedBy: "Independent Committee Member, Committee Chair",
      rationale: "Lidera la red de casas de acogida.\n\nVoz de las personas trans migrantes.",
    });
    expect(byEntity[anonymous.id]).toEqual({
      sessionId: session.id,
      sessionTitle: { es: "Sesión sobre trata", en: "Session on trafficking" },
      role: "RAPPORTEUR",
      speakerName: null,
      organizationName: null,
      selectedBy: "Committee Chair",
      rationale: "Relator con experiencia en informes.",
    });
    expect(byEntity[session.id]).toEqual({ sessionId: session.id, sessionTitle: { es: "Sesión sobre trata", en: "Session on trafficking" }, speakerCount: 2 });
    const everythingPublic = JSON.stringify(publicEntries.map((e) => e.data)).toLowerCase();
    for (const secret of [world.users.otherOrgMember.email.toLowerCase(), "reservada@example.test", "persona reservada", "mujer trans", "another", "no elegida", "diez años"]) {
      expect(everythingPublic).not.toContain(secret);
    }

    // Confirmed once: nothing moves any more.
    expect((await appError(confirmSlate(world.actors.staff, { sessionId: session.id }))).userMessage.key).toBe("nominations.slateClosed");
    expect((await appError(select(world.actors.chair, { nominationId: notChosen.id, rationale: "Tarde." }))).kind).toBe("conflict");
    expect((await appError(endorse(world.actors.independent, { nominationId: member.id }))).userMessage.key).toBe("nominations.slateClosed");
    expect((await appError(unselect(world.actors.chair, { nominationId: anonymous.id }))).userMessage.key).toBe("nominations.slateClosed");
  });

  it("refuses an empty slate", async () => {
    const session = await createSession();
    await insertNomination(session.id, { status: "ACCEPTED" });
    const before = await nominationRowCounts();
    expect((await appError(confirmSlate(world.actors.staff, { sessionId: session.id }))).userMessage.key).toBe("nominations.emptySlate");
    expect(await nominationRowCounts()).toEqual(before);
    expect((await db.reviewSession.findUniqueOrThrow({ where: { id: session.id } })).status).toBe("OPEN_FOR_NOMINATIONS");
  });
});
