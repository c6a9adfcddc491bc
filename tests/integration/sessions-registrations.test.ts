import { beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import type { SessionStatus } from "@/lib/generated/prisma/enums";
import { invalidated } from "@/lib/commands/invalidate";
import { cancelRegistration, registerForSession, updateRegistration } from "@/lib/sessions/commands";
import { buildWorld, resetDatabase, type RoleName } from "../helpers/factories";
import { appError, outcome, type Outcome } from "../helpers/outcomes";
import { ALL_SESSION_STATUSES, createSession, daysFromNow, sessionRowCounts, validRegistrationInput } from "../helpers/session-fixtures";

type World = Awaited<ReturnType<typeof buildWorld>>;

const ROLES: RoleName[] = ["visitor", "participant", "orgAdmin", "orgMember", "otherOrgMember", "committee", "staff", "admin"];

async function insertRegistration(sessionId: string, userId: string, listed = false) {
  return db.sessionRegistration.create({ data: { sessionId, userId, language: "en", accessNeeds: [], listed } });
}

// ─── Role × command ────────────────────────────────────────────────────────────────────────

/** Every signed-in user registers for themselves; visitors are asked to sign in. */
const SIGNED_IN: Record<RoleName, Outcome> = {
  visitor: "unauthenticated",
  participant: "ok",
  orgAdmin: "ok",
  orgMember: "ok",
  otherOrgMember: "ok",
  committee: "ok",
  staff: "ok",
  admin: "ok",
};

type Command = { name: string; registered: boolean; run: (actor: Actor | null, sessionId: string) => Promise<unknown> };

const COMMANDS: Command[] = [
  { name: "register", registered: false, run: (actor, sessionId) => registerForSession(actor, validRegistrationInput(sessionId)) },
  {
    name: "updateRegistration",
    registered: true,
    run: (actor, sessionId) => updateRegistration(actor, validRegistrationInput(sessionId, { language: "pt", listed: "" })),
  },
  { name: "cancelRegistration", registered: true, run: (actor, sessionId) => cancelRegistration(actor, { sessionId }) },
];

describe("role × registration command", () => {
  let world: World;
  beforeEach(async () => {
    await resetDatabase();
    world = await buildWorld();
  });

  for (const command of COMMANDS) {
    it(`${command.name}: ${ROLES.map((r) => `${r}=${SIGNED_IN[r]}`).join(", ")}`, async () => {
      for (const role of ROLES) {
        const session = await createSession({ status: "OPEN_FOR_NOMINATIONS" });
        const actor = world.actors[role];
        if (command.registered && actor) await insertRegistration(session.id, actor.userId);
        const before = await sessionRowCounts();
        const result = await outcome(command.run(actor, session.id));
        expect(result, `${command.name} by ${role}`).toBe(SIGNED_IN[role]);
        if (result !== "ok") expect(await sessionRowCounts(), `${command.name} by ${role}`).toEqual(before);
        if (result === "ok" && actor) {
          // Each acts on their own registration only.
          const own = await db.sessionRegistration.findMany({ where: { sessionId: session.id } });
          if (command.name === "cancelRegistration") expect(own).toHaveLength(0);
          else expect(own.map((r) => r.userId)).toEqual([actor.userId]);
        }
      }
    });
  }

  it("never touches another user's registration", async () => {
    const session = await createSession({ status: "OPEN_FOR_NOMINATIONS" });
    await insertRegistration(session.id, world.users.orgMember.id, true);
    // The participant has no registration: changing or cancelling finds none of theirs.
    expect((await appError(cancelRegistration(world.actors.participant, { sessionId: session.id }))).userMessage.key).toBe("sessions.notRegistered");
    expect((await appError(updateRegistration(world.actors.participant, validRegistrationInput(session.id)))).userMessage.key).toBe(
      "sessions.notRegistered",
    );
    const stored = await db.sessionRegistration.findFirstOrThrow({ where: { sessionId: session.id } });
    expect(stored).toMatchObject({ userId: world.users.orgMember.id, language: "en", listed: true });
  });
});

// ─── Session state × registration ──────────────────────────────────────────────────────────

const REGISTER_BY_STATE: Record<SessionStatus, Outcome> = {
  // A draft does not exist for anyone but staff.
  DRAFT: "not_found",
  OPEN_FOR_NOMINATIONS: "ok",
  SPEAKERS_CONFIRMED: "ok",
  HELD: "conflict",
  REPORT_PUBLISHED: "conflict",
};

describe("registration follows the session's state", () => {
  let world: World;
  beforeEach(async () => {
    await resetDatabase();
    world = await buildWorld();
  });

  for (const status of ALL_SESSION_STATUSES) {
    it(`${status}: register=${REGISTER_BY_STATE[status]}, change and cancel the same`, async () => {
      const session = await createSession({ status });
      expect(await outcome(registerForSession(world.actors.participant, validRegistrationInput(session.id)))).toBe(REGISTER_BY_STATE[status]);
      const registration = await insertRegistration(session.id, world.users.orgMember.id);
      const changed = await outcome(updateRegistration(world.actors.orgMember, validRegistrationInput(session.id, { language: "fr" })));
      expect(changed).toBe(REGISTER_BY_STATE[status]);
      const stored = await db.sessionRegistration.findUniqueOrThrow({ where: { id: registration.id } });
      expect(stored.language).toBe(changed === "ok" ? "fr" : "en");
      expect(await outcome(cancelRegistration(world.actors.orgMember, { sessionId: session.id }))).toBe(REGISTER_BY_STATE[status]);
      expect(await db.sessionRegistration.count({ where: { id: registration.id } })).toBe(REGISTER_BY_STATE[status] === "ok" ? 0 : 1);
    });
  }

  it("tells staff a draft takes no registrations yet", async () => {
    const session = await createSession({ status: "DRAFT" });
    const error = await appError(registerForSession(world.actors.staff, validRegistrationInput(session.id)));
    expect(error.userMessage.key).toBe("sessions.registrationClosed");
  });

  it("closes registration once the session has ended, even before it is marked held", async () => {
    const session = await createSession({ status: "SPEAKERS_CONFIRMED", startsAt: daysFromNow(-1), endsAt: daysFromNow(-1, 2) });
    const error = await appError(registerForSession(world.actors.participant, validRegistrationInput(session.id)));
    expect(error.kind).toBe("conflict");
    expect(error.userMessage.key).toBe("sessions.registrationClosed");
  });
});

// ─── What a registration holds ─────────────────────────────────────────────────────────────

describe("registration input", () => {
  let world: World;
  beforeEach(async () => {
    await resetDatabase();
    world = await buildWorld();
  });

  it("stores the language, the access needs in a fixed order, the note and the opt-in, with a private log entry", async () => {
    const session = await createSession({ status: "OPEN_FOR_NOMINATIONS", title: { es: "Sesión", fr: "Séance" } });
    await registerForSession(
      world.actors.participant,
      validRegistrationInput(session.id, { language: "fr", accessNeeds: ["OTHER", "CAPTIONS"], accessNote: "Bucle magnético", listed: "on" }),
    );
    const stored = await db.sessionRegistration.findFirstOrThrow({ where: { sessionId: session.id } });
    expect(stored).toMatchObject({
      userId: world.users.participant.id,
      language: "fr",
      accessNeeds: ["CAPTIONS", "OTHER"],
      accessNote: "Bucle magnético",
      listed: true,
    });
    const entries = await db.auditEntry.findMany({ where: { entityId: session.id } });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: "session.registered", isPublic: false, actorId: world.users.participant.id });
    expect(entries[0].data).toEqual({ sessionId: session.id, sessionTitle: { es: "Sesión", fr: "Séance" } });

    await updateRegistration(world.actors.participant, validRegistrationInput(session.id, { accessNeeds: [], accessNote: "", listed: "" }));
    expect(await db.sessionRegistration.findFirstOrThrow({ where: { sessionId: session.id } })).toMatchObject({
      accessNeeds: [],
      accessNote: null,
      listed: false,
    });
    invalidated.length = 0;
    await cancelRegistration(world.actors.participant, { sessionId: session.id });
    // The session's page (participant list) and the staff desk, as for every registration change.
    expect(invalidated).toEqual(["sessions", "dashboard"]);
    const actions = (await db.auditEntry.findMany({ where: { entityId: session.id }, orderBy: { id: "asc" } })).map((e) => [e.action, e.isPublic]);
    expect(actions).toEqual([
      ["session.registered", false],
      ["session.registration_updated", false],
      ["session.registration_cancelled", false],
    ]);
  });

  it("needs a note when OTHER is ticked", async () => {
    const session = await createSession({ status: "OPEN_FOR_NOMINATIONS" });
    const before = await sessionRowCounts();
    const error = await appError(registerForSession(world.actors.participant, validRegistrationInput(session.id, { accessNeeds: "OTHER", accessNote: "  " })));
    expect(error.kind).toBe("invalid");
    expect(error.fieldErrors.accessNote?.[0].key).toBe("sessions.accessNoteRequired");
    expect(await sessionRowCounts()).toEqual(before);
  });

  const bad: { name: string; input: Record<string, unknown>; field: string; key: string }[] = [
    { name: "a language the site does not have", input: { language: "de" }, field: "language", key: "invalidChoice" },
    { name: "an unknown access need", input: { accessNeeds: ["TELEPATHY"] }, field: "accessNeeds", key: "invalidChoice" },
    { name: "a note that is too long", input: { accessNote: "x".repeat(501) }, field: "accessNote", key: "tooLong" },
    { name: "no session", input: { sessionId: "not-a-uuid" }, field: "sessionId", key: "invalidFormat" },
  ];
  for (const c of bad) {
    it(`refuses ${c.name}`, async () => {
      const session = await createSession({ status: "OPEN_FOR_NOMINATIONS" });
      const error = await appError(registerForSession(world.actors.participant, validRegistrationInput(session.id, c.input)));
      expect(error.fieldErrors[c.field]?.[0].key).toBe(c.key);
      expect(await db.sessionRegistration.count()).toBe(0);
    });
  }

  it("registers once, even when the form is posted twice at the same moment", async () => {
    const session = await createSession({ status: "OPEN_FOR_NOMINATIONS" });
    const results = await Promise.all([
      outcome(registerForSession(world.actors.participant, validRegistrationInput(session.id))),
      outcome(registerForSession(world.actors.participant, validRegistrationInput(session.id))),
    ]);
    expect(results.sort()).toEqual(["conflict", "ok"]);
    expect(await db.sessionRegistration.count()).toBe(1);
    const again = await appError(registerForSession(world.actors.participant, validRegistrationInput(session.id)));
    expect(again.userMessage.key).toBe("sessions.alreadyRegistered");
  });
});
