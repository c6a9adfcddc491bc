import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { loadActor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { endCommitteeTerm, grantCommitteeTerm, grantSiteRole, revokeSiteRole } from "@/lib/roles/commands";
import { actorFor, buildWorld, createOrganization, createUser, giveCommitteeTerm, resetDatabase, type RoleName } from "../helpers/factories";

type Outcome = "ok" | AppError["kind"];

/** Runs a command and says how it ended: "ok" or the kind of AppError. Anything else fails the test. */
async function outcome(run: () => Promise<unknown>): Promise<Outcome> {
  try {
    await run();
    return "ok";
  } catch (error) {
    if (error instanceof AppError) return error.kind;
    throw error;
  }
}

async function appError(run: () => Promise<unknown>): Promise<AppError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}

/** A day relative to today, as an <input type="date"> sends it. */
function day(offsetDays: number) {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + offsetDays);
  return d.toISOString().slice(0, 10);
}

/** Everything a command of this capability may write. A refused command must leave it all unchanged. */
async function snapshot() {
  const [roles, terms, audit] = await Promise.all([
    db.roleAssignment.findMany({ orderBy: { id: "asc" }, select: { id: true, userId: true, role: true } }),
    db.committeeTerm.findMany({ orderBy: { id: "asc" } }),
    db.auditEntry.count(),
  ]);
  return { roles, terms, audit };
}

const ALL_ROLES: RoleName[] = ["visitor", "participant", "otherOrgMember", "orgAdmin", "orgMember", "committee", "staff", "admin"];
const adminsOnly = (role: RoleName): Outcome => (role === "admin" ? "ok" : role === "visitor" ? "unauthenticated" : "forbidden");
const staffAndAdmins = (role: RoleName): Outcome =>
  role === "admin" || role === "staff" ? "ok" : role === "visitor" ? "unauthenticated" : "forbidden";

type World = Awaited<ReturnType<typeof buildWorld>>;

const commands: {
  name: string;
  expected: (role: RoleName) => Outcome;
  run: (world: World, role: RoleName) => Promise<unknown>;
  action: string;
}[] = [
  {
    name: "grantSiteRole",
    expected: adminsOnly,
    action: "role.granted",
    run: (w, role) => grantSiteRole(w.actors[role], { email: w.users.participant.email, role: "STAFF" }),
  },
  {
    name: "revokeSiteRole",
    expected: adminsOnly,
    action: "role.revoked",
    run: (w, role) => revokeSiteRole(w.actors[role], { userId: w.users.staff.id, role: "STAFF" }),
  },
  {
    name: "grantCommitteeTerm",
    expected: staffAndAdmins,
    action: "committee_term.granted",
    run: (w, role) =>
      grantCommitteeTerm(w.actors[role], {
        email: w.users.participant.email,
        organizationId: w.otherOrg.id,
        startsOn: day(0),
        endsOn: day(365),
        isChair: "on",
      }),
  },
  {
    name: "endCommitteeTerm",
    expected: staffAndAdmins,
    action: "committee_term.ended",
    run: async (w, role) => {
      const term = await db.committeeTerm.findFirstOrThrow({ where: { userId: w.users.committee.id } });
      return endCommitteeTerm(w.actors[role], { termId: term.id });
    },
  },
];

describe("roles and committee terms: who may do what", () => {
  beforeEach(resetDatabase);

  for (const command of commands) {
    describe(command.name, () => {
      it.each(ALL_ROLES)("%s", async (role) => {
        const world = await buildWorld();
        const before = await snapshot();
        const result = await outcome(() => command.run(world, role));
        expect(result).toBe(command.expected(role));
        const after = await snapshot();
        if (result === "ok") {
          // Exactly one public audit row, written with the change, by this actor.
          expect(after.audit).toBe(before.audit + 1);
          const entry = await db.auditEntry.findFirstOrThrow({ orderBy: { id: "desc" } });
          expect(entry.action).toBe(command.action);
          expect(entry.isPublic).toBe(true);
          expect(entry.actorId).toBe(world.users[role as Exclude<RoleName, "visitor">].id);
        } else {
          expect(after).toEqual(before);
        }
      });
    });
  }
});

describe("site roles", () => {
  beforeEach(resetDatabase);

  it("grants a role by email (any case) and records who gave it", async () => {
    const { actors, users } = await buildWorld();
    await grantSiteRole(actors.admin, { email: users.participant.email.toUpperCase(), role: "ADMIN" });
    const assignment = await db.roleAssignment.findUniqueOrThrow({ where: { userId_role: { userId: users.participant.id, role: "ADMIN" } } });
    expect(assignment.grantedById).toBe(users.admin.id);
    const actor = await actorFor(users.participant.id);
    expect(actor.isAdmin).toBe(true);
    expect(actor.isStaff).toBe(true);
    const entry = await db.auditEntry.findFirstOrThrow({ where: { action: "role.granted" } });
    expect(entry.data).toEqual({ userName: "Participant", role: "ADMIN" });
    expect(entry.entityId).toBe(users.participant.id);
  });

  it("grants by user id too", async () => {
    const { actors, users } = await buildWorld();
    await grantSiteRole(actors.admin, { userId: users.orgMember.id, role: "STAFF" });
    expect((await actorFor(users.orgMember.id)).isStaff).toBe(true);
  });

  it("refuses a role the person already has, writing nothing", async () => {
    const { actors, users } = await buildWorld();
    const before = await snapshot();
    const error = await appError(() => grantSiteRole(actors.admin, { email: users.staff.email, role: "STAFF" }));
    expect(error.kind).toBe("conflict");
    expect(error.userMessage.key).toBe("roles.alreadyHasRole");
    expect(await snapshot()).toEqual(before);
  });

  it("refuses bad input with a message per field and writes nothing", async () => {
    const { actors, users } = await buildWorld();
    const before = await snapshot();
    const cases: [unknown, string, string][] = [
      [{ email: users.participant.email, role: "SUPERUSER" }, "role", "invalidChoice"],
      [{ email: users.participant.email }, "role", "invalidChoice"],
      [{ role: "STAFF" }, "email", "required"],
      [{ email: "not-an-email", role: "STAFF" }, "email", "invalidEmail"],
      [{ email: "nobody@example.test", role: "STAFF" }, "email", "roles.userNotFound"],
      [{ userId: "not-a-uuid", role: "STAFF" }, "userId", "invalidFormat"],
    ];
    for (const [input, field, key] of cases) {
      const error = await appError(() => grantSiteRole(actors.admin, input));
      expect(error.kind, JSON.stringify(input)).toBe("invalid");
      expect(error.fieldErrors[field]?.map((m) => m.key), JSON.stringify(input)).toContain(key);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("answers not found for ids of things that do not exist", async () => {
    const { actors, users } = await buildWorld();
    const before = await snapshot();
    const missing = "00000000-0000-4000-8000-000000000000";
    expect(await outcome(() => grantSiteRole(actors.admin, { userId: missing, role: "STAFF" }))).toBe("not_found");
    expect(await outcome(() => revokeSiteRole(actors.admin, { userId: missing, role: "STAFF" }))).toBe("not_found");
    // A real user who does not hold the role.
    expect(await outcome(() => revokeSiteRole(actors.admin, { userId: users.participant.id, role: "STAFF" }))).toBe("not_found");
    expect(await outcome(() => revokeSiteRole(actors.admin, { userId: users.staff.id, role: "ADMIN" }))).toBe("not_found");
    expect(await snapshot()).toEqual(before);
  });

  it("never removes the last administrator", async () => {
    const { actors, users } = await buildWorld();
    const before = await snapshot();
    const error = await appError(() => revokeSiteRole(actors.admin, { userId: users.admin.id, role: "ADMIN" }));
    expect(error.kind).toBe("conflict");
    expect(error.userMessage.key).toBe("roles.lastAdmin");
    expect(await snapshot()).toEqual(before);

    // With a second admin, one of them may go; then the other is the last again.
    await grantSiteRole(actors.admin, { email: users.staff.email, role: "ADMIN" });
    await revokeSiteRole(actors.admin, { userId: users.admin.id, role: "ADMIN" });
    const secondAdmin = await actorFor(users.staff.id);
    expect(await outcome(() => revokeSiteRole(secondAdmin, { userId: users.staff.id, role: "ADMIN" }))).toBe("conflict");
    expect(await db.roleAssignment.count({ where: { role: "ADMIN" } })).toBe(1);
  });

  it("lets only one of two admins removing each other at the same moment succeed", async () => {
    const { actors, users } = await buildWorld();
    await grantSiteRole(actors.admin, { email: users.staff.email, role: "ADMIN" });
    const a = await actorFor(users.admin.id);
    const b = await actorFor(users.staff.id);
    const results = await Promise.all([
      outcome(() => revokeSiteRole(a, { userId: users.staff.id, role: "ADMIN" })),
      outcome(() => revokeSiteRole(b, { userId: users.admin.id, role: "ADMIN" })),
    ]);
    expect(results.sort()).toEqual(["conflict", "ok"]);
    expect(await db.roleAssignment.count({ where: { role: "ADMIN" } })).toBe(1);
    expect(await db.auditEntry.count({ where: { action: "role.revoked" } })).toBe(1);
  });

  it("takes a revoked role away at the next request, whatever the old actor said", async () => {
    const { actors, users } = await buildWorld();
    const staleStaff = actors.staff;
    expect(staleStaff?.isStaff).toBe(true);
    await revokeSiteRole(actors.admin, { userId: users.staff.id, role: "STAFF" });

    // Every request loads the actor again (getCurrentActor → loadActor): the role is gone.
    const fresh = await loadActor(users.staff.id);
    expect(fresh?.isStaff).toBe(false);
    const before = await snapshot();
    const error = await appError(() =>
      grantCommitteeTerm(fresh, { email: users.participant.email, startsOn: day(0), endsOn: day(30) }),
    );
    expect(error.kind).toBe("forbidden");
    expect(await snapshot()).toEqual(before);
  });
});

describe("committee terms", () => {
  beforeEach(resetDatabase);

  it("records a term with its organization and public audit data", async () => {
    const { actors, users, otherOrg } = await buildWorld();
    const term = await grantCommitteeTerm(actors.staff, {
      email: users.participant.email,
      organizationId: otherOrg.id,
      startsOn: day(0),
      endsOn: day(200),
      isChair: "on",
    });
    expect(term.isChair).toBe(true);
    expect(term.grantedById).toBe(users.staff.id);
    const actor = await actorFor(users.participant.id);
    expect(actor.committeeTerm).toMatchObject({ termId: term.id, organizationId: otherOrg.id, isChair: true });
    const entry = await db.auditEntry.findFirstOrThrow({ where: { action: "committee_term.granted" } });
    expect(entry).toMatchObject({ entityType: "CommitteeTerm", entityId: term.id, isPublic: true });
    expect(entry.data).toEqual({
      userName: "Participant",
      organizationName: otherOrg.name,
      startsOn: day(0),
      endsOn: day(200),
      isChair: true,
    });
  });

  it("records a term without organization, not as chair when the box is not ticked", async () => {
    const { actors, users } = await buildWorld();
    const term = await grantCommitteeTerm(actors.admin, { userId: users.orgAdmin.id, organizationId: "", startsOn: day(10), endsOn: day(10) });
    expect(term).toMatchObject({ organizationId: null, isChair: false });
    const entry = await db.auditEntry.findFirstOrThrow({ where: { action: "committee_term.granted" } });
    expect(entry.data).toMatchObject({ organizationName: null, isChair: false });
    // It starts in ten days: not active yet.
    expect((await actorFor(users.orgAdmin.id)).committeeTerm).toBeNull();
  });

  it("allows only one chair at a time", async () => {
    const { actors, users } = await buildWorld();
    const first = await grantCommitteeTerm(actors.staff, { email: users.participant.email, startsOn: day(0), endsOn: day(100), isChair: "on" });

    const before = await snapshot();
    const error = await appError(() =>
      grantCommitteeTerm(actors.staff, { email: users.orgAdmin.email, startsOn: day(50), endsOn: day(300), isChair: "on" }),
    );
    expect(error.kind).toBe("conflict");
    expect(error.userMessage).toEqual({ key: "roles.chairTaken", values: { name: "Participant" } });
    expect(await snapshot()).toEqual(before);

    // Not a chair: fine. A chair after the first one's last day: fine.
    await grantCommitteeTerm(actors.staff, { email: users.orgAdmin.email, startsOn: day(0), endsOn: day(90) });
    await grantCommitteeTerm(actors.staff, { email: users.orgMember.email, startsOn: day(101), endsOn: day(400), isChair: true });

    // Once the first chair's term is ended early, another chair can start now.
    await endCommitteeTerm(actors.staff, { termId: first.id });
    await grantCommitteeTerm(actors.staff, { email: users.otherOrgMember.email, startsOn: day(0), endsOn: day(100), isChair: "on" });
    expect(await db.committeeTerm.count({ where: { isChair: true, endedEarlyAt: null } })).toBe(2);
  });

  it("lets two staff members naming chairs at the same moment name only one", async () => {
    const { actors, users } = await buildWorld();
    const results = await Promise.all(
      [users.participant, users.orgAdmin, users.orgMember].map((u) =>
        outcome(() => grantCommitteeTerm(actors.staff, { email: u.email, startsOn: day(0), endsOn: day(30), isChair: "on" })),
      ),
    );
    expect(results.sort()).toEqual(["conflict", "conflict", "ok"]);
    expect(await db.committeeTerm.count({ where: { isChair: true } })).toBe(1);
    expect(await db.auditEntry.count({ where: { action: "committee_term.granted" } })).toBe(1);
  });

  it("refuses a second term for the same person on overlapping dates", async () => {
    const { actors, users } = await buildWorld();
    const error = await appError(() =>
      grantCommitteeTerm(actors.staff, { email: users.committee.email, startsOn: day(0), endsOn: day(30) }),
    );
    expect(error.kind).toBe("conflict");
    expect(error.userMessage.key).toBe("roles.termOverlaps");
  });

  it("refuses bad input with a message per field and writes nothing", async () => {
    const { actors, users, org } = await buildWorld();
    const pending = await createOrganization({ status: "PENDING" });
    const suspended = await createOrganization({ status: "SUSPENDED" });
    const base = { email: users.participant.email, startsOn: day(0), endsOn: day(30) };
    const before = await snapshot();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ ...base, startsOn: "2026-02-30" }, "startsOn", "roles.invalidDate"],
      [{ ...base, startsOn: "31/01/2026" }, "startsOn", "roles.invalidDate"],
      [{ ...base, endsOn: "" }, "endsOn", "required"],
      [{ ...base, endsOn: "1999-12-31" }, "endsOn", "roles.invalidDate"],
      [{ ...base, startsOn: day(10), endsOn: day(9) }, "endsOn", "roles.endBeforeStart"],
      [{ ...base, startsOn: day(-30), endsOn: day(-1) }, "endsOn", "roles.endInPast"],
      [{ ...base, email: "" }, "email", "required"],
      [{ ...base, email: "nobody@example.test" }, "email", "roles.userNotFound"],
      [{ ...base, organizationId: "nope" }, "organizationId", "invalidFormat"],
      [{ ...base, organizationId: pending.id }, "organizationId", "roles.organizationNotVerified"],
      [{ ...base, organizationId: suspended.id }, "organizationId", "roles.organizationNotVerified"],
    ];
    for (const [input, field, key] of cases) {
      const error = await appError(() => grantCommitteeTerm(actors.staff, input));
      expect(error.kind, JSON.stringify(input)).toBe("invalid");
      expect(error.fieldErrors[field]?.map((m) => m.key), JSON.stringify(input)).toContain(key);
    }
    const chairError = await appError(() => grantCommitteeTerm(actors.staff, { ...base, isChair: "maybe" }));
    expect(Object.keys(chairError.fieldErrors)).toEqual(["isChair"]);
    expect(await snapshot()).toEqual(before);
    // Sanity: the same input with a verified organization goes through.
    await grantCommitteeTerm(actors.staff, { ...base, organizationId: org.id });
  });

  it("answers not found for ids of things that do not exist, writing nothing", async () => {
    const { actors, users } = await buildWorld();
    const missing = "00000000-0000-4000-8000-000000000000";
    const before = await snapshot();
    expect(
      await outcome(() => grantCommitteeTerm(actors.staff, { userId: missing, startsOn: day(0), endsOn: day(3) })),
    ).toBe("not_found");
    expect(
      await outcome(() =>
        grantCommitteeTerm(actors.staff, { email: users.participant.email, organizationId: missing, startsOn: day(0), endsOn: day(3) }),
      ),
    ).toBe("not_found");
    expect(await outcome(() => endCommitteeTerm(actors.staff, { termId: missing }))).toBe("not_found");
    expect(await outcome(() => endCommitteeTerm(actors.staff, { termId: "x" }))).toBe("invalid");
    expect(await snapshot()).toEqual(before);
  });

  it("ends a term now: the member loses committee rights at once, and it cannot be ended twice", async () => {
    const { actors, users } = await buildWorld();
    const term = await db.committeeTerm.findFirstOrThrow({ where: { userId: users.committee.id } });
    expect((await actorFor(users.committee.id)).committeeTerm?.termId).toBe(term.id);
    await endCommitteeTerm(actors.staff, { termId: term.id });
    const ended = await db.committeeTerm.findUniqueOrThrow({ where: { id: term.id } });
    expect(ended.endedEarlyAt).toBeInstanceOf(Date);
    expect((await actorFor(users.committee.id)).committeeTerm).toBeNull();
    const entry = await db.auditEntry.findFirstOrThrow({ where: { action: "committee_term.ended" } });
    expect(entry.data).toEqual({ userName: "Committee Member" });

    const before = await snapshot();
    const error = await appError(() => endCommitteeTerm(actors.staff, { termId: term.id }));
    expect(error.kind).toBe("conflict");
    expect(error.userMessage.key).toBe("roles.termAlreadyOver");
    expect(await snapshot()).toEqual(before);
  });

  it("refuses to end a term that already ran out", async () => {
    const { actors } = await buildWorld();
    const user = await createUser();
    const past = await db.committeeTerm.create({
      data: { userId: user.id, startsOn: new Date("2020-01-01"), endsOn: new Date("2020-12-31") },
    });
    expect(await outcome(() => endCommitteeTerm(actors.staff, { termId: past.id }))).toBe("conflict");
  });

  it("a committee member cannot name or end terms, not even their own", async () => {
    const { actors, users } = await buildWorld();
    const chairUser = await createUser();
    const chairTerm = await giveCommitteeTerm(chairUser.id, null, { isChair: true });
    const chair = await actorFor(chairUser.id);
    expect(chair.committeeTerm?.isChair).toBe(true);
    expect(await outcome(() => endCommitteeTerm(chair, { termId: chairTerm.id }))).toBe("forbidden");
    expect(
      await outcome(() => grantCommitteeTerm(actors.committee, { email: users.participant.email, startsOn: day(0), endsOn: day(5) })),
    ).toBe("forbidden");
  });
});
