import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import {
  getCalendarSession,
  getSessionForDesk,
  getSessionForPage,
  listPublicSessions,
  listPublicSpeakers,
  listStaffSessions,
  sessionOptionsForProposals,
} from "@/lib/sessions/queries";
import { buildWorld, createOrganization, createUser, resetDatabase, type RoleName } from "../helpers/factories";
import { outcome } from "../helpers/outcomes";
import { createProposal } from "../helpers/proposal-fixtures";
import { captureQueries } from "../helpers/query-count";
import { ALL_SESSION_STATUSES, createSession, daysFromNow, insertNomination } from "../helpers/session-fixtures";

type World = Awaited<ReturnType<typeof buildWorld>>;

const ROLES: RoleName[] = ["visitor", "participant", "orgAdmin", "orgMember", "otherOrgMember", "committee", "staff", "admin"];
const STAFF = new Set<RoleName>(["staff", "admin"]);

describe("who sees a session", () => {
  let world: World;
  beforeEach(async () => {
    await resetDatabase();
    world = await buildWorld();
  });

  it("shows drafts to staff only; everyone else gets not found, in every list and file", async () => {
    const draft = await createSession({ status: "DRAFT", title: { es: "Borrador secreto" } });
    for (const role of ROLES) {
      const page = await getSessionForPage(world.actors[role], draft.id);
      if (STAFF.has(role)) expect(page?.session.id, role).toBe(draft.id);
      else expect(page, role).toBeNull();
    }
    const lists = await listPublicSessions();
    expect([...lists.upcoming, ...lists.past].map((s) => s.id)).not.toContain(draft.id);
    expect(await getCalendarSession(draft.id)).toBeNull();
    expect((await sessionOptionsForProposals("es")).map((s) => s.id)).not.toContain(draft.id);
  });

  it("shows every other state to everyone", async () => {
    for (const status of ALL_SESSION_STATUSES.filter((s) => s !== "DRAFT")) {
      const session = await createSession({ status });
      for (const role of ROLES) expect((await getSessionForPage(world.actors[role], session.id))?.session.status, `${status} ${role}`).toBe(status);
      expect((await getCalendarSession(session.id))?.id).toBe(session.id);
    }
  });

  it("answers null for an id that is not a uuid or does not exist", async () => {
    expect(await getSessionForPage(world.actors.staff, "nope")).toBeNull();
    expect(await getSessionForPage(world.actors.staff, "00000000-0000-4000-8000-000000000000")).toBeNull();
  });

  it("gives the connection link to registered users and staff only", async () => {
    const session = await createSession({ status: "OPEN_FOR_NOMINATIONS", link: "https://meet.example.org/privado" });
    await db.sessionRegistration.create({ data: { sessionId: session.id, userId: world.users.orgMember.id, language: "es" } });
    for (const role of ROLES) {
      const page = await getSessionForPage(world.actors[role], session.id);
      const allowed = STAFF.has(role) || role === "orgMember";
      expect(page?.session.link, role).toBe(allowed ? "https://meet.example.org/privado" : null);
      if (!allowed) expect(JSON.stringify(page), role).not.toContain("privado");
    }
  });

  it("says who may register, change or cancel", async () => {
    const session = await createSession({ status: "SPEAKERS_CONFIRMED" });
    await db.sessionRegistration.create({ data: { sessionId: session.id, userId: world.users.orgMember.id, language: "es" } });
    const visitor = await getSessionForPage(null, session.id);
    expect(visitor).toMatchObject({ canRegister: false, canChangeRegistration: false, registration: null, registrationCount: 1 });
    const participant = await getSessionForPage(world.actors.participant, session.id);
    expect(participant).toMatchObject({ canRegister: true, canChangeRegistration: false, registration: null });
    const member = await getSessionForPage(world.actors.orgMember, session.id);
    expect(member).toMatchObject({ canRegister: false, canChangeRegistration: true, registration: { language: "es", accessNeeds: [], listed: false } });
    const held = await createSession({ status: "HELD" });
    expect(await getSessionForPage(world.actors.participant, held.id)).toMatchObject({ canRegister: false, canChangeRegistration: false });
  });
});

describe("public speakers", () => {
  let world: World;
  beforeEach(async () => {
    await resetDatabase();
    world = await buildWorld();
  });

  it("lists selected speakers only, with what they allowed, never contact details, gender or rationale", async () => {
    const suspended = await createOrganization({ name: "Organización Suspendida", status: "SUSPENDED" });
    const session = await createSession({ status: "SPEAKERS_CONFIRMED", panelistSeats: 5 });
    const everything = await insertNomination(session.id, {
      role: "PANELIST",
      nomineeName: "Ana Publicada",
      nomineeEmail: "ana.secret@example.test",
      nomineeOrganizationId: world.org.id,
      nomineeOrganizationName: null,
      nomineeGender: "ANOTHER",
      nomineeGenderDescription: "mujer trans",
      rationale: "Razón privada del comité",
      bio: "Bio de Ana.",
    });
    const anonymous = await insertNomination(session.id, {
      role: "MODERATOR",
      nomineeName: "Nombre Reservado",
      nomineeEmail: "reservado@example.test",
      publishName: false,
      nomineeOrganizationName: "Colectivo Visible",
      bio: "Bio visible.",
    });
    const private2 = await insertNomination(session.id, {
      role: "RAPPORTEUR",
      nomineeName: "Berta Discreta",
      nomineeOrganizationName: "Organización Oculta",
      publishOrganization: false,
      publishBio: false,
      bio: "Bio oculta.",
    });
    const suspendedOrg = await insertNomination(session.id, { role: "PANELIST", nomineeName: "Carla", nomineeOrganizationId: suspended.id, nomineeOrganizationName: null, bio: "" });
    for (const status of ["PROPOSED", "INVITED", "ACCEPTED", "DECLINED", "EXPIRED", "NOT_SELECTED", "WITHDRAWN"] as const) {
      await insertNomination(session.id, { status, nomineeName: `Oculta ${status}`, nomineeEmail: `oculta-${status}@example.test` });
    }

    const speakers = await listPublicSpeakers(session);
    expect(speakers).toEqual([
      { id: anonymous.id, role: "MODERATOR", name: null, organizationName: "Colectivo Visible", organizationSlug: null, bio: "Bio visible." },
      { id: everything.id, role: "PANELIST", name: "Ana Publicada", organizationName: world.org.name, organizationSlug: world.org.slug, bio: "Bio de Ana." },
      { id: suspendedOrg.id, role: "PANELIST", name: "Carla", organizationName: "Organización Suspendida", organizationSlug: null, bio: null },
      { id: private2.id, role: "RAPPORTEUR", name: "Berta Discreta", organizationName: null, organizationSlug: null, bio: null },
    ]);

    // Through the page, for every role: nothing private anywhere in what the page receives.
    for (const role of ROLES) {
      const page = await getSessionForPage(world.actors[role], session.id);
      const json = JSON.stringify(page);
      expect(page?.speakers, role).toEqual(speakers);
      for (const secret of ["@example.test", "mujer", "Razón privada", "Nombre Reservado", "Organización Oculta", "Bio oculta", "Oculta "]) {
        expect(json, `${role}: ${secret}`).not.toContain(secret);
      }
    }
  });

  it("shows no speaker before the slate is confirmed, even a selected one", async () => {
    for (const status of ["DRAFT", "OPEN_FOR_NOMINATIONS"] as const) {
      const session = await createSession({ status });
      await insertNomination(session.id, { nomineeName: `Seleccionada antes ${status}` });
      expect(await listPublicSpeakers(session)).toEqual([]);
      const page = await getSessionForPage(world.actors.staff, session.id);
      expect(page?.speakers).toEqual([]);
      expect(JSON.stringify(page)).not.toContain("Seleccionada antes");
    }
    for (const status of ["SPEAKERS_CONFIRMED", "HELD", "REPORT_PUBLISHED"] as const) {
      const session = await createSession({ status });
      await insertNomination(session.id, { nomineeName: `Confirmada ${status}` });
      expect((await listPublicSpeakers(session)).map((s) => s.name)).toEqual([`Confirmada ${status}`]);
    }
  });
});

describe("the rest of the session page", () => {
  let world: World;
  beforeEach(async () => {
    await resetDatabase();
    world = await buildWorld();
  });

  it("shows the opt-in participant list (name and organization) to signed-in users only", async () => {
    const session = await createSession({ status: "OPEN_FOR_NOMINATIONS" });
    // Listed in the order they registered: two inserts can share a millisecond, so the times are set.
    await db.sessionRegistration.create({ data: { sessionId: session.id, userId: world.users.orgMember.id, language: "es", listed: true, createdAt: new Date(Date.now() - 2_000) } });
    await db.sessionRegistration.create({ data: { sessionId: session.id, userId: world.users.participant.id, language: "es", listed: true, createdAt: new Date(Date.now() - 1_000) } });
    await db.sessionRegistration.create({ data: { sessionId: session.id, userId: world.users.otherOrgMember.id, language: "es", listed: false } });
    expect((await getSessionForPage(null, session.id))?.participants).toBeNull();
    const page = await getSessionForPage(world.actors.participant, session.id);
    expect(page?.participants?.map(({ name, organizationName }) => ({ name, organizationName }))).toEqual([
      { name: "Org Member", organizationName: world.org.name },
      { name: "Participant", organizationName: null },
    ]);
    expect(JSON.stringify(page)).not.toContain("Other Org Member");
    expect(JSON.stringify(page)).not.toContain("@example.test");
  });

  it("lists the public proposals meant for the session only", async () => {
    const session = await createSession({ status: "OPEN_FOR_NOMINATIONS" });
    const other = await createSession({ status: "OPEN_FOR_NOMINATIONS" });
    const pending = await createOrganization({ name: "Pendiente", status: "PENDING" });
    const shown = await createProposal(world.org.id, { status: "SUBMITTED", title: "Propuesta visible" });
    const withdrawn = await createProposal(world.org.id, { status: "WITHDRAWN", title: "Propuesta retirada" });
    const draft = await createProposal(world.org.id, { status: "DRAFT", title: "Borrador de propuesta" });
    const unverified = await createProposal(pending.id, { status: "SUBMITTED", title: "De organización pendiente" });
    const elsewhere = await createProposal(world.org.id, { status: "SUBMITTED", title: "Para otra sesión" });
    await db.proposal.updateMany({ where: { id: { in: [shown.id, withdrawn.id, draft.id, unverified.id] } }, data: { sessionId: session.id } });
    await db.proposal.update({ where: { id: elsewhere.id }, data: { sessionId: other.id } });
    // Even the draft's own authors see only public proposals on the session page.
    const page = await getSessionForPage(world.actors.orgMember, session.id);
    expect(page?.proposals.map((p) => p.title).sort()).toEqual(["Propuesta retirada", "Propuesta visible"]);
    expect(page?.proposals[0].organization).toEqual({ name: world.org.name, slug: world.org.slug });
  });

  it("shows the summary once the session took place", async () => {
    for (const status of ALL_SESSION_STATUSES) {
      const session = await createSession({ status, summary: "Resumen escrito", summaryLanguage: "es" });
      const page = await getSessionForPage(world.actors.staff, session.id);
      const shown = status === "HELD" || status === "REPORT_PUBLISHED";
      expect(page?.session.summary, status).toBe(shown ? "Resumen escrito" : null);
      expect(page?.session.summaryLanguage, status).toBe(shown ? "es" : null);
    }
  });

  it("costs the same number of queries whatever the number of speakers, proposals and registrations", async () => {
    const session = await createSession({ status: "SPEAKERS_CONFIRMED", panelistSeats: 30 });
    const add = async (n: number) => {
      for (let i = 0; i < n; i++) {
        await insertNomination(session.id, { role: "PANELIST", nomineeOrganizationId: world.org.id });
        const proposal = await createProposal(world.org.id, { status: "SUBMITTED" });
        await db.proposal.update({ where: { id: proposal.id }, data: { sessionId: session.id } });
        const user = await createUser();
        await db.membership.create({ data: { userId: user.id, organizationId: world.otherOrg.id, role: "MEMBER" } });
        await db.sessionRegistration.create({ data: { sessionId: session.id, userId: user.id, language: "es", listed: true } });
      }
    };
    const count = async () => {
      const counts: number[] = [];
      for (const role of ["visitor", "participant", "staff"] as const) {
        const { result, queries } = await captureQueries(() => getSessionForPage(world.actors[role], session.id));
        expect(result).not.toBeNull();
        counts.push(queries.length);
      }
      return counts;
    };
    await add(1);
    const few = await count();
    await add(12);
    const many = await count();
    expect(many).toEqual(few);
    const page = await getSessionForPage(world.actors.participant, session.id);
    expect(page?.speakers).toHaveLength(13);
    expect(page?.proposals).toHaveLength(13);
    expect(page?.participants).toHaveLength(13);
    // A fixed, small budget: the session, then speakers, proposals, counts, own registration and the list.
    expect(Math.max(...many)).toBeLessThanOrEqual(12);
  });
});

describe("lists", () => {
  let world: World;
  beforeEach(async () => {
    await resetDatabase();
    world = await buildWorld();
  });

  it("splits upcoming (soonest first, ongoing included) from past (latest first)", async () => {
    const now = new Date();
    const later = await createSession({ status: "OPEN_FOR_NOMINATIONS", startsAt: daysFromNow(40) });
    const soon = await createSession({ status: "SPEAKERS_CONFIRMED", startsAt: daysFromNow(3) });
    const ongoing = await createSession({ status: "SPEAKERS_CONFIRMED", startsAt: daysFromNow(0, -1), endsAt: daysFromNow(0, 2) });
    const lastMonth = await createSession({ status: "REPORT_PUBLISHED", startsAt: daysFromNow(-30) });
    const lastWeek = await createSession({ status: "HELD", startsAt: daysFromNow(-7) });
    await createSession({ status: "DRAFT", startsAt: daysFromNow(5) });
    const { result, queries } = await captureQueries(() => listPublicSessions(now));
    expect(result.upcoming.map((s) => s.id)).toEqual([ongoing.id, soon.id, later.id]);
    expect(result.past.map((s) => s.id)).toEqual([lastWeek.id, lastMonth.id]);
    expect(result).toMatchObject({ upcomingCount: 3, pastCount: 2, page: 1, pageCount: 1 });
    expect(queries).toHaveLength(4);
    expect(JSON.stringify(result)).not.toContain("sesion-secreta");
  });

  it("pages both lists, the same page size each, and any page number the address holds is safe", async () => {
    const now = new Date();
    const upcoming = [];
    for (let i = 1; i <= 5; i++) upcoming.push(await createSession({ status: "OPEN_FOR_NOMINATIONS", startsAt: daysFromNow(i) }));
    const past = [];
    for (let i = 1; i <= 3; i++) past.push(await createSession({ status: "HELD", startsAt: daysFromNow(-i) }));
    const second = await listPublicSessions(now, "2", 2);
    expect(second.upcoming.map((s) => s.id)).toEqual([upcoming[2].id, upcoming[3].id]);
    expect(second.past.map((s) => s.id)).toEqual([past[2].id]);
    expect(second).toMatchObject({ page: 2, pageCount: 3, upcomingCount: 5, pastCount: 3 });
    const third = await listPublicSessions(now, 3, 2);
    expect(third.upcoming.map((s) => s.id)).toEqual([upcoming[4].id]);
    expect(third.past).toEqual([]);
    for (const raw of ["0", "-4", "abc", "1e9", "2.7", undefined, ["2"], "99999999999"]) {
      const result = await listPublicSessions(now, raw, 2);
      expect(result.page, String(raw)).toBeGreaterThanOrEqual(1);
      expect(result.page, String(raw)).toBeLessThanOrEqual(10_000);
    }
  });

  it("offers proposals the sessions open or with speakers confirmed, titled in the reader's language", async () => {
    const open = await createSession({ status: "OPEN_FOR_NOMINATIONS", startsAt: daysFromNow(20), title: { es: "Abierta", pt: "Aberta" } });
    const confirmed = await createSession({ status: "SPEAKERS_CONFIRMED", startsAt: daysFromNow(10), title: { fr: "Confirmée" } });
    for (const status of ["DRAFT", "HELD", "REPORT_PUBLISHED"] as const) await createSession({ status });
    const { result, queries } = await captureQueries(() => sessionOptionsForProposals("pt"));
    expect(result).toEqual([
      { id: confirmed.id, title: "Confirmée", startsAt: confirmed.startsAt },
      { id: open.id, title: "Aberta", startsAt: open.startsAt },
    ]);
    expect(queries).toHaveLength(1);
    expect((await sessionOptionsForProposals("en")).map((s) => s.title)).toEqual(["Confirmée", "Abierta"]);
  });

  it("gives staff every session with its counts, and nobody else", async () => {
    const draft = await createSession({ status: "DRAFT", startsAt: daysFromNow(50), panelistSeats: 4 });
    const open = await createSession({ status: "OPEN_FOR_NOMINATIONS", startsAt: daysFromNow(20) });
    await insertNomination(open.id, { status: "SELECTED" });
    await insertNomination(open.id, { status: "ACCEPTED" });
    await db.sessionRegistration.create({ data: { sessionId: open.id, userId: world.users.participant.id, language: "es" } });
    for (const role of ROLES) {
      const result = await outcome(listStaffSessions(world.actors[role]));
      expect(result, role).toBe(STAFF.has(role) ? "ok" : "forbidden");
    }
    const { result, queries } = await captureQueries(() => listStaffSessions(world.actors.staff));
    expect(queries).toHaveLength(1);
    expect(result.map((s) => [s.id, s.registrationCount, s.selectedCount, s.seatCount])).toEqual([
      [draft.id, 0, 0, 6],
      [open.id, 1, 1, 5],
    ]);
  });

  it("gives staff the registrations counted and the access requests, without emails", async () => {
    const session = await createSession({ status: "OPEN_FOR_NOMINATIONS" });
    await insertNomination(session.id, { role: "RAPPORTEUR" });
    await db.sessionRegistration.createMany({
      data: [
        { sessionId: session.id, userId: world.users.participant.id, language: "es", accessNeeds: ["INTERPRETATION", "CAPTIONS"], listed: true },
        { sessionId: session.id, userId: world.users.orgMember.id, language: "pt", accessNeeds: [], accessNote: "Llego en silla de ruedas" },
        { sessionId: session.id, userId: world.users.committee.id, language: "es", accessNeeds: [] },
      ],
    });
    for (const role of ROLES.filter((r) => !STAFF.has(r))) expect(await outcome(getSessionForDesk(world.actors[role], session.id)), role).toBe("forbidden");
    const desk = await getSessionForDesk(world.actors.admin, session.id);
    expect(desk?.registrations).toMatchObject({
      total: 3,
      listed: 1,
      byLanguage: { es: 2, en: 0, pt: 1, fr: 0 },
      byNeed: { INTERPRETATION: 1, SIGN_LANGUAGE: 0, CAPTIONS: 1, OTHER: 0 },
    });
    // Registered in the same millisecond by createMany: compare without their order.
    const requests = desk?.registrations.requests.map((r) => [r.name, r.accessNeeds, r.accessNote]) ?? [];
    expect(requests.sort((a, b) => String(a[0]).localeCompare(String(b[0])))).toEqual([
      ["Org Member", [], "Llego en silla de ruedas"],
      ["Participant", ["INTERPRETATION", "CAPTIONS"], null],
    ]);
    expect(desk?.selectedByRole).toEqual({ MODERATOR: 0, PANELIST: 0, RAPPORTEUR: 1 });
    expect(desk?.session.link).toBe("https://meet.example.org/sesion-secreta");
    expect(JSON.stringify(desk)).not.toContain("@example.test");
  });
});
