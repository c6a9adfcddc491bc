import { beforeEach, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import type { SessionStatus } from "@/lib/generated/prisma/enums";
import { invalidated } from "@/lib/commands/invalidate";
import { isCommand } from "@/lib/commands/run";
import * as sessionCommands from "@/lib/sessions/commands";
import { createSession as createSessionCommand, markSessionHeld, openSession, publishSessionSummary, updateSession } from "@/lib/sessions/commands";
import { dateToLocalInput } from "@/lib/sessions/time";
import { nextSessionStatus, SESSION_ACTIONS, SESSION_AUDIT_ACTION, type SessionAction } from "@/lib/sessions/policy";
import { buildWorld, resetDatabase, type RoleName } from "../helpers/factories";
import { appError, outcome, type Outcome } from "../helpers/outcomes";
import {
  ALL_SESSION_STATUSES,
  createSession,
  daysFromNow,
  insertNomination,
  sessionRowCounts,
  validSessionInput,
} from "../helpers/session-fixtures";

type World = Awaited<ReturnType<typeof buildWorld>>;

const ROLES: RoleName[] = ["visitor", "participant", "orgAdmin", "orgMember", "otherOrgMember", "committee", "staff", "admin"];

const TITLE = { es: "Sesión de prueba", en: "Test session" };

// ─── The state machine, as a pure function ──────────────────────────────────────────────────

// Written out by hand (not derived from the code): every state × action pair.
const EXPECTED: Record<SessionStatus, Record<SessionAction, SessionStatus | null>> = {
  DRAFT: { open: "OPEN_FOR_NOMINATIONS", confirmSpeakers: null, markHeld: null, publishSummary: null },
  OPEN_FOR_NOMINATIONS: { open: null, confirmSpeakers: "SPEAKERS_CONFIRMED", markHeld: null, publishSummary: null },
  SPEAKERS_CONFIRMED: { open: null, confirmSpeakers: null, markHeld: "HELD", publishSummary: null },
  HELD: { open: null, confirmSpeakers: null, markHeld: null, publishSummary: "REPORT_PUBLISHED" },
  // A published report takes corrections; the state stays.
  REPORT_PUBLISHED: { open: null, confirmSpeakers: null, markHeld: null, publishSummary: "REPORT_PUBLISHED" },
};

describe("nextSessionStatus", () => {
  it("covers the five states and four actions", () => {
    expect(ALL_SESSION_STATUSES).toHaveLength(5);
    expect(SESSION_ACTIONS).toHaveLength(4);
  });
  for (const status of ALL_SESSION_STATUSES) {
    for (const action of SESSION_ACTIONS) {
      it(`${status} × ${action} → ${EXPECTED[status][action] ?? "refused"}`, () => {
        expect(nextSessionStatus(status, action)).toBe(EXPECTED[status][action]);
      });
    }
  }
});

// ─── Each of A's state commands on a session in each state ─────────────────────────────────

/** The commands of this module (confirmSpeakers belongs to the nominations module). */
const COMMAND_ACTIONS = ["open", "markHeld", "publishSummary"] as const;

function run(actor: Actor | null, action: (typeof COMMAND_ACTIONS)[number], sessionId: string) {
  switch (action) {
    case "open":
      return openSession(actor, { sessionId });
    case "markHeld":
      return markSessionHeld(actor, { sessionId });
    case "publishSummary":
      return publishSessionSummary(actor, { sessionId, summary: "## Acuerdos\n\n- Seguir trabajando.", summaryLanguage: "es" });
  }
}

describe("every state × action through the commands", () => {
  let world: World;
  beforeEach(async () => {
    await resetDatabase();
    world = await buildWorld();
  });

  it("moves legal pairs with a public log entry, refuses illegal ones and writes nothing", async () => {
    for (const status of ALL_SESSION_STATUSES) {
      for (const action of COMMAND_ACTIONS) {
        const label = `${status} × ${action}`;
        // Marking held needs a session that has started; opening needs one ahead.
        const session = await createSession({ status, title: TITLE, startsAt: action === "markHeld" ? daysFromNow(-1) : daysFromNow(30) });
        const before = await sessionRowCounts();
        const expected = EXPECTED[status][action];
        if (expected) {
          const result = await run(world.actors.staff, action, session.id);
          expect(result.status, label).toBe(expected);
          const stored = await db.reviewSession.findUniqueOrThrow({ where: { id: session.id } });
          expect(stored.status, label).toBe(expected);
          const entries = await db.auditEntry.findMany({ where: { entityType: "ReviewSession", entityId: session.id } });
          expect(entries, label).toHaveLength(1);
          const auditAction = status === "REPORT_PUBLISHED" ? "session.report_corrected" : SESSION_AUDIT_ACTION[action];
          expect(entries[0].action, label).toBe(auditAction);
          expect(entries[0].isPublic, label).toBe(true);
          expect(entries[0].actorId, label).toBe(world.users.staff.id);
          expect(entries[0].data, label).toEqual({
            sessionId: session.id,
            sessionTitle: TITLE,
            ...(action === "open" ? { nominationDeadline: session.nominationDeadline!.toISOString(), timeZone: session.timeZone } : {}),
          });
          if (status !== expected) expect(stored.statusChangedAt, label).toBeInstanceOf(Date);
        } else {
          const error = await appError(run(world.actors.staff, action, session.id));
          expect(error.kind, label).toBe("conflict");
          expect(error.userMessage.key, label).toBe("sessions.wrongState");
          expect(await sessionRowCounts(), label).toEqual(before);
          expect((await db.reviewSession.findUniqueOrThrow({ where: { id: session.id } })).status, label).toBe(status);
        }
      }
    }
  });

  it("edits a session before it is held, publicly once it is public, and never after", async () => {
    for (const status of ALL_SESSION_STATUSES) {
      const session = await createSession({ status });
      const before = await sessionRowCounts();
      const work = updateSession(world.actors.staff, { ...validSessionInput({ titleEs: `Editada ${status}` }), sessionId: session.id });
      if (status === "HELD" || status === "REPORT_PUBLISHED") {
        const error = await appError(work);
        expect(error.kind, status).toBe("conflict");
        expect(error.userMessage.key, status).toBe("sessions.notEditable");
        expect(await sessionRowCounts(), status).toEqual(before);
        continue;
      }
      await work;
      const stored = await db.reviewSession.findUniqueOrThrow({ where: { id: session.id } });
      expect(stored.title, status).toEqual({ es: `Editada ${status}`, en: "Human mobility and climate change" });
      expect(stored.status, status).toBe(status);
      const entry = await db.auditEntry.findFirstOrThrow({ where: { entityId: session.id } });
      expect(entry.action, status).toBe("session.updated");
      expect(entry.isPublic, status).toBe(status !== "DRAFT");
      expect(entry.data, status).toEqual({ sessionId: session.id, sessionTitle: { es: `Editada ${status}`, en: "Human mobility and climate change" } });
    }
  });

  it("keeps the nomination deadline's rules when opening", async () => {
    const noDeadline = await createSession({ status: "DRAFT", nominationDeadline: null });
    let error = await appError(openSession(world.actors.staff, { sessionId: noDeadline.id }));
    expect(error.fieldErrors.nominationDeadline?.[0].key).toBe("sessions.deadlineRequired");

    const pastDeadline = await createSession({ status: "DRAFT", nominationDeadline: daysFromNow(-1) });
    error = await appError(openSession(world.actors.staff, { sessionId: pastDeadline.id }));
    expect(error.fieldErrors.nominationDeadline?.[0].key).toBe("sessions.deadlineInPast");

    const lateDeadline = await createSession({ status: "DRAFT", startsAt: daysFromNow(5), nominationDeadline: daysFromNow(6) });
    error = await appError(openSession(world.actors.staff, { sessionId: lateDeadline.id }));
    expect(error.fieldErrors.nominationDeadline?.[0].key).toBe("sessions.deadlineAfterStart");

    // A deadline typed when opening is read in the session's zone and replaces the saved one.
    const session = await createSession({ status: "DRAFT", timeZone: "America/Tegucigalpa", startsAt: new Date("2099-03-20T16:00:00Z"), nominationDeadline: null });
    await openSession(world.actors.staff, { sessionId: session.id, nominationDeadline: "2099-03-10T18:00" });
    const stored = await db.reviewSession.findUniqueOrThrow({ where: { id: session.id } });
    expect(stored.status).toBe("OPEN_FOR_NOMINATIONS");
    expect(stored.nominationDeadline?.toISOString()).toBe("2099-03-11T00:00:00.000Z");

    expect(await db.auditEntry.count({ where: { action: "session.opened" } })).toBe(1);
  });

  it("marks a session held only once it has started", async () => {
    const session = await createSession({ status: "SPEAKERS_CONFIRMED", startsAt: daysFromNow(2) });
    const error = await appError(markSessionHeld(world.actors.staff, { sessionId: session.id }));
    expect(error.kind).toBe("conflict");
    expect(error.userMessage.key).toBe("sessions.notStartedYet");
    expect((await db.reviewSession.findUniqueOrThrow({ where: { id: session.id } })).status).toBe("SPEAKERS_CONFIRMED");
    expect(await db.auditEntry.count()).toBe(0);
  });

  it("stores the summary with its language, and a correction as such", async () => {
    const session = await createSession({ status: "HELD" });
    await publishSessionSummary(world.actors.admin, { sessionId: session.id, summary: "Primera versión\r\ncon salto.", summaryLanguage: "es" });
    let stored = await db.reviewSession.findUniqueOrThrow({ where: { id: session.id } });
    expect(stored).toMatchObject({ status: "REPORT_PUBLISHED", summary: "Primera versión\ncon salto.", summaryLanguage: "es" });
    await publishSessionSummary(world.actors.staff, { sessionId: session.id, summary: "Corrected version.", summaryLanguage: "en" });
    stored = await db.reviewSession.findUniqueOrThrow({ where: { id: session.id } });
    expect(stored).toMatchObject({ status: "REPORT_PUBLISHED", summary: "Corrected version.", summaryLanguage: "en" });
    const actions = (await db.auditEntry.findMany({ where: { entityId: session.id }, orderBy: { id: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["session.report_published", "session.report_corrected"]);
  });

  it("lets only one of two simultaneous changes of state through", async () => {
    const session = await createSession({ status: "DRAFT" });
    const results = await Promise.all([
      outcome(openSession(world.actors.staff, { sessionId: session.id })),
      outcome(openSession(world.actors.admin, { sessionId: session.id })),
    ]);
    expect(results.sort()).toEqual(["conflict", "ok"]);
    expect(await db.auditEntry.count({ where: { entityId: session.id } })).toBe(1);
  });
});

// ─── The one path ──────────────────────────────────────────────────────────────────────────

describe("sessions' commands on the one path", () => {
  let world: World;
  beforeEach(async () => {
    await resetDatabase();
    world = await buildWorld();
  });

  it("exports only commands", () => {
    for (const [name, value] of Object.entries(sessionCommands)) expect(isCommand(value), name).toBe(true);
  });

  it("refresh the staff desk for a draft, the public pages once public, and nothing when refused", async () => {
    invalidated.length = 0;
    const draft = await createSessionCommand(world.actors.staff, validSessionInput());
    await updateSession(world.actors.staff, { ...validSessionInput({ titleEs: "Otra" }), sessionId: draft.id });
    expect(invalidated).toEqual(["dashboard", "dashboard"]);

    const open = await createSession({ status: "OPEN_FOR_NOMINATIONS" });
    invalidated.length = 0;
    await updateSession(world.actors.staff, { ...validSessionInput(), sessionId: open.id });
    expect(invalidated).toEqual(["sessions", "dashboard", "transparency", "home"]);

    invalidated.length = 0;
    await appError(openSession(world.actors.staff, { sessionId: open.id }));
    await appError(updateSession(world.actors.participant, { ...validSessionInput(), sessionId: open.id }));
    expect(invalidated).toEqual([]);
  });
});

// ─── Creating ──────────────────────────────────────────────────────────────────────────────

describe("creating a session", () => {
  let world: World;
  beforeEach(async () => {
    await resetDatabase();
    world = await buildWorld();
  });

  it("stores a draft with the times read in the chosen zone and a private log entry", async () => {
    const input = validSessionInput({ startsAt: "2099-03-10T10:00", endsAt: "2099-03-10T12:30", nominationDeadline: "2099-03-01T18:00" });
    const result = await createSessionCommand(world.actors.staff, input);
    expect(result).toMatchObject({ status: "DRAFT", created: true });
    const stored = await db.reviewSession.findUniqueOrThrow({ where: { id: result.id } });
    expect(stored.startsAt.toISOString()).toBe("2099-03-10T16:00:00.000Z");
    expect(stored.endsAt.toISOString()).toBe("2099-03-10T18:30:00.000Z");
    expect(stored.nominationDeadline?.toISOString()).toBe("2099-03-02T00:00:00.000Z");
    expect(stored).toMatchObject({
      title: { es: "Movilidad humana y cambio climático", en: "Human mobility and climate change" },
      description: { es: "Sesión sobre desplazamiento por desastres." },
      timeZone: "America/Tegucigalpa",
      format: "HYBRID",
      workingLanguages: ["es", "en"],
      interpretation: ["pt"],
      objectives: [2, 5],
      panelistSeats: 3,
      createdById: world.users.staff.id,
    });
    const entry = await db.auditEntry.findFirstOrThrow({ where: { entityId: result.id } });
    expect(entry).toMatchObject({ action: "session.created", isPublic: false, entityType: "ReviewSession" });
    expect(entry.data).toEqual({ sessionId: result.id, sessionTitle: { es: "Movilidad humana y cambio climático", en: "Human mobility and climate change" } });
  });

  it("reads local times across daylight saving time (New York in July is UTC−4)", async () => {
    const result = await createSessionCommand(
      world.actors.staff,
      validSessionInput({ timeZone: "America/New_York", startsAt: "2099-07-10T10:00", endsAt: "2099-07-10T11:00", nominationDeadline: "" }),
    );
    const stored = await db.reviewSession.findUniqueOrThrow({ where: { id: result.id } });
    expect(stored.startsAt.toISOString()).toBe("2099-07-10T14:00:00.000Z");
    expect(stored.nominationDeadline).toBeNull();
  });

  it("creates one session when the same form is posted twice", async () => {
    const key = randomUUID();
    const first = await createSessionCommand(world.actors.staff, validSessionInput({ idempotencyKey: key }));
    const second = await createSessionCommand(world.actors.staff, validSessionInput({ idempotencyKey: key }));
    expect(first.id).toBe(key);
    expect(second).toMatchObject({ id: key, created: false });
    expect(await db.reviewSession.count()).toBe(1);
    const error = await appError(createSessionCommand(world.actors.admin, validSessionInput({ idempotencyKey: key })));
    expect(error.userMessage.key).toBe("sessions.duplicateKey");
  });
});

// ─── Bad input ─────────────────────────────────────────────────────────────────────────────

describe("bad input", () => {
  let world: World;
  beforeEach(async () => {
    await resetDatabase();
    world = await buildWorld();
  });

  const cases: { name: string; input: Record<string, unknown>; field: string; key: string }[] = [
    { name: "end before start", input: { startsAt: "2099-03-10T10:00", endsAt: "2099-03-10T09:00" }, field: "endsAt", key: "sessions.endBeforeStart" },
    { name: "end equal to start", input: { startsAt: "2099-03-10T10:00", endsAt: "2099-03-10T10:00" }, field: "endsAt", key: "sessions.endBeforeStart" },
    {
      name: "deadline after start",
      input: { startsAt: "2099-03-10T10:00", endsAt: "2099-03-10T12:00", nominationDeadline: "2099-03-10T10:30" },
      field: "nominationDeadline",
      key: "sessions.deadlineAfterStart",
    },
    {
      name: "a local time skipped by daylight saving time",
      input: { timeZone: "America/New_York", startsAt: "2099-03-08T02:30", endsAt: "2099-03-08T04:00", nominationDeadline: "" },
      field: "startsAt",
      key: "sessions.invalidLocalTime",
    },
    { name: "a day that does not exist", input: { startsAt: "2099-02-30T10:00" }, field: "startsAt", key: "sessions.invalidLocalTime" },
    { name: "not a date", input: { endsAt: "mañana" }, field: "endsAt", key: "sessions.invalidLocalTime" },
    { name: "a zone outside the list", input: { timeZone: "Mars/Olympus_Mons" }, field: "timeZone", key: "sessions.invalidTimeZone" },
    { name: "no title in any language", input: { titleEs: " ", titleEn: "" }, field: "titleEs", key: "sessions.titleRequired" },
    { name: "no description", input: { descriptionEs: "" }, field: "descriptionEs", key: "sessions.descriptionRequired" },
    { name: "a link that is not http(s)", input: { link: "javascript:alert(1)" }, field: "link", key: "invalidUrl" },
    { name: "too many panelists", input: { panelistSeats: "51" }, field: "panelistSeats", key: "tooBig" },
    { name: "negative seats", input: { moderatorSeats: "-1" }, field: "moderatorSeats", key: "invalidType" },
    { name: "an objective outside 1–23", input: { objectives: ["24"] }, field: "objectives", key: "sessions.invalidObjective" },
    { name: "no working language", input: { workingLanguages: [] }, field: "workingLanguages", key: "chooseAtLeast" },
    { name: "an unknown format", input: { format: "ONLINE" }, field: "format", key: "invalidChoice" },
  ];

  for (const c of cases) {
    it(`refuses ${c.name} and writes nothing`, async () => {
      const before = await sessionRowCounts();
      const error = await appError(createSessionCommand(world.actors.staff, validSessionInput(c.input)));
      expect(error.kind).toBe("invalid");
      expect(error.fieldErrors[c.field]?.map((m) => m.key)).toContain(c.key);
      expect(await sessionRowCounts()).toEqual(before);
    });
  }

  it("refuses the same rules when editing", async () => {
    const session = await createSession({ status: "DRAFT" });
    const error = await appError(
      updateSession(world.actors.staff, { ...validSessionInput({ startsAt: "2099-03-10T10:00", endsAt: "2099-03-10T08:00" }), sessionId: session.id }),
    );
    expect(error.fieldErrors.endsAt?.[0].key).toBe("sessions.endBeforeStart");
  });

  it("tells the registrants, each in their language, when the time, place or link change, and only then", async () => {
    const session = await createSession({ status: "OPEN_FOR_NOMINATIONS" });
    await db.user.update({ where: { id: world.users.participant.id }, data: { preferredLocale: "en" } });
    for (const user of [world.users.participant, world.users.orgMember]) {
      await db.sessionRegistration.create({ data: { sessionId: session.id, userId: user.id, language: "es" } });
    }
    // First edit: everything from the form, so the time and place change.
    await updateSession(world.actors.staff, { ...validSessionInput(), sessionId: session.id });
    const notes = await db.notification.findMany({ where: { kind: "session.changed" }, orderBy: { userId: "asc" } });
    expect(notes.map((n) => [n.userId, n.data]).sort()).toEqual(
      [
        [world.users.participant.id, { sessionId: session.id, sessionTitle: "Human mobility and climate change" }],
        [world.users.orgMember.id, { sessionId: session.id, sessionTitle: "Movilidad humana y cambio climático" }],
      ].sort(),
    );
    // A new description alone tells nobody; a new link does.
    await updateSession(world.actors.staff, { ...validSessionInput({ descriptionEs: "Otra descripción." }), sessionId: session.id });
    expect(await db.notification.count({ where: { kind: "session.changed" } })).toBe(2);
    await updateSession(world.actors.staff, { ...validSessionInput({ link: "https://meet.example.org/otra" }), sessionId: session.id });
    expect(await db.notification.count({ where: { kind: "session.changed" } })).toBe(4);
  });

  it("keeps the deadline set, and in the future when changed, while nominations are open", async () => {
    const session = await createSession({ status: "OPEN_FOR_NOMINATIONS" });
    let error = await appError(updateSession(world.actors.staff, { ...validSessionInput({ nominationDeadline: "" }), sessionId: session.id }));
    expect(error.fieldErrors.nominationDeadline?.[0].key).toBe("sessions.deadlineRequired");
    const yesterday = `${new Date(Date.now() - 86_400_000).toISOString().slice(0, 10)}T10:00`;
    error = await appError(
      updateSession(world.actors.staff, { ...validSessionInput({ timeZone: "UTC", nominationDeadline: yesterday }), sessionId: session.id }),
    );
    expect(error.fieldErrors.nominationDeadline?.[0].key).toBe("sessions.deadlineInPast");

    // Once the deadline has passed, the session can still be edited when the deadline stays as it was.
    const closed = await createSession({ status: "OPEN_FOR_NOMINATIONS", nominationDeadline: new Date(Date.now() - 86_400_000 + 12_345) });
    const same = dateToLocalInput(closed.nominationDeadline!, closed.timeZone);
    await updateSession(world.actors.staff, { ...validSessionInput({ titleEs: "Sigue editable", nominationDeadline: same }), sessionId: closed.id });
    expect((await db.reviewSession.findUniqueOrThrow({ where: { id: closed.id } })).title).toMatchObject({ es: "Sigue editable" });
  });

  it("refuses seats below the speakers already selected (conflict), and accepts them equal", async () => {
    const session = await createSession({ status: "OPEN_FOR_NOMINATIONS", panelistSeats: 3, rapporteurSeats: 1 });
    await insertNomination(session.id, { role: "PANELIST", status: "SELECTED" });
    await insertNomination(session.id, { role: "PANELIST", status: "SELECTED" });
    await insertNomination(session.id, { role: "RAPPORTEUR", status: "SELECTED" });
    // Accepted (not selected) nominations do not hold a seat.
    await insertNomination(session.id, { role: "PANELIST", status: "ACCEPTED" });
    const before = await sessionRowCounts();
    const error = await appError(
      updateSession(world.actors.staff, { ...validSessionInput({ panelistSeats: "1", rapporteurSeats: "0" }), sessionId: session.id }),
    );
    expect(error.kind).toBe("conflict");
    expect(error.userMessage.key).toBe("sessions.seatsBelowSelected");
    expect(error.fieldErrors.panelistSeats).toEqual([{ key: "sessions.seatsBelowSelectedField", values: { selected: 2 } }]);
    expect(error.fieldErrors.rapporteurSeats).toEqual([{ key: "sessions.seatsBelowSelectedField", values: { selected: 1 } }]);
    expect(await sessionRowCounts()).toEqual(before);
    expect((await db.reviewSession.findUniqueOrThrow({ where: { id: session.id } })).panelistSeats).toBe(3);

    await updateSession(world.actors.staff, { ...validSessionInput({ panelistSeats: "2", rapporteurSeats: "1" }), sessionId: session.id });
    expect((await db.reviewSession.findUniqueOrThrow({ where: { id: session.id } })).panelistSeats).toBe(2);
  });

  it("refuses an empty summary", async () => {
    const session = await createSession({ status: "HELD" });
    const error = await appError(publishSessionSummary(world.actors.staff, { sessionId: session.id, summary: "  ", summaryLanguage: "es" }));
    expect(error.fieldErrors.summary?.[0].key).toBe("required");
    expect((await db.reviewSession.findUniqueOrThrow({ where: { id: session.id } })).status).toBe("HELD");
  });

  it("answers not found for a session that does not exist", async () => {
    expect(await outcome(openSession(world.actors.staff, { sessionId: randomUUID() }))).toBe("not_found");
    expect(await outcome(updateSession(world.actors.staff, { ...validSessionInput(), sessionId: randomUUID() }))).toBe("not_found");
  });
});

// ─── Role × command ────────────────────────────────────────────────────────────────────────

type Table = Record<RoleName, Outcome>;

/** Only staff (admins are staff) run sessions; everyone else is refused whatever they post. */
const STAFF_ONLY: Table = {
  visitor: "unauthenticated",
  participant: "forbidden",
  orgAdmin: "forbidden",
  orgMember: "forbidden",
  otherOrgMember: "forbidden",
  committee: "forbidden",
  staff: "ok",
  admin: "ok",
};

type Command = {
  name: string;
  /** The session the command acts on, in the state that makes it legal (null: none). */
  setup: (() => ReturnType<typeof createSession>) | null;
  run: (actor: Actor | null, sessionId: string) => Promise<unknown>;
};

const COMMANDS: Command[] = [
  { name: "create", setup: null, run: (actor) => createSessionCommand(actor, validSessionInput()) },
  {
    name: "update",
    setup: () => createSession({ status: "OPEN_FOR_NOMINATIONS" }),
    run: (actor, sessionId) => updateSession(actor, { ...validSessionInput({ titleEs: "Cambiada" }), sessionId }),
  },
  { name: "open", setup: () => createSession({ status: "DRAFT" }), run: (actor, sessionId) => openSession(actor, { sessionId }) },
  {
    name: "markHeld",
    setup: () => createSession({ status: "SPEAKERS_CONFIRMED", startsAt: daysFromNow(-1) }),
    run: (actor, sessionId) => markSessionHeld(actor, { sessionId }),
  },
  {
    name: "publishSummary",
    setup: () => createSession({ status: "HELD" }),
    run: (actor, sessionId) => publishSessionSummary(actor, { sessionId, summary: "Resumen.", summaryLanguage: "es" }),
  },
];

describe("role × command", () => {
  let world: World;
  beforeEach(async () => {
    await resetDatabase();
    world = await buildWorld();
  });

  for (const command of COMMANDS) {
    it(`${command.name}: ${ROLES.map((r) => `${r}=${STAFF_ONLY[r]}`).join(", ")}`, async () => {
      for (const role of ROLES) {
        const session = command.setup ? await command.setup() : null;
        const before = await sessionRowCounts();
        const result = await outcome(command.run(world.actors[role], session?.id ?? ""));
        expect(result, `${command.name} by ${role}`).toBe(STAFF_ONLY[role]);
        if (result !== "ok") {
          expect(await sessionRowCounts(), `${command.name} by ${role}`).toEqual(before);
          if (session) {
            const stored = await db.reviewSession.findUniqueOrThrow({ where: { id: session.id } });
            expect(stored.status).toBe(session.status);
            expect(stored.title).toEqual(session.title);
            expect(stored.summary).toBe(session.summary);
          }
        }
      }
    });
  }
});
