import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { isCommand } from "@/lib/commands/run";
import { db } from "@/lib/db/client";
import * as follows from "@/lib/follows/commands";
import { followState, listFollowing } from "@/lib/follows/queries";
import { actorFor, createUser, resetDatabase } from "../helpers/factories";
import { appError, outcome, type Outcome } from "../helpers/outcomes";
import { insertCommitment } from "../helpers/champion-fixtures";
import { consultationWorld, insertConsultation } from "../helpers/consultation-fixtures";
import { createProposal } from "../helpers/proposal-fixtures";
import { createSession } from "../helpers/session-fixtures";

// Following: every command × every role, every subject × what the actor may see, and one follow
// per person per item under races.

type Role = "visitor" | "participant" | "orgMember" | "orgAdmin" | "otherOrgMember" | "committee" | "staff" | "admin" | "delegate";
const ROLES: Role[] = ["visitor", "participant", "orgMember", "orgAdmin", "otherOrgMember", "committee", "staff", "admin", "delegate"];

let world: Awaited<ReturnType<typeof consultationWorld>>;
let actors: Record<Role, Actor | null>;

beforeAll(async () => {
  await resetDatabase();
  world = await consultationWorld();
  actors = { ...world.actors, delegate: world.delegates.iom };
});

const count = (userId: string) => db.follow.count({ where: { userId } });

describe("follows commands × roles", () => {
  it("are built by defineCommand", () => {
    expect(Object.keys(follows).sort()).toEqual(["follow", "unfollow"]);
    for (const command of Object.values(follows)) expect(isCommand(command)).toBe(true);
  });

  for (const name of ["follow", "unfollow"] as const) {
    it(`${name}: allowed to everyone signed in, refused to a visitor`, async () => {
      const proposal = await createProposal(world.org.id);
      const table: Record<string, Outcome> = {};
      const expected: Record<string, Outcome> = {};
      for (const role of ROLES) {
        table[role] = await outcome(follows[name](actors[role], { subject: "PROPOSAL", key: proposal.id }));
        expected[role] = role === "visitor" ? "unauthenticated" : "ok";
      }
      expect(table).toEqual(expected);
      expect(await db.follow.count({ where: { subject: "PROPOSAL", key: proposal.id } })).toBe(name === "follow" ? ROLES.length - 1 : 0);
    });
  }
});

describe("follow: subject × visibility", () => {
  // Who may follow each item; everyone else is told "not found" (no existence leaked) or, when
  // they may see it, why it cannot be followed (conflict).
  type Case = { label: string; make: () => Promise<{ subject: string; key: string }>; expect: Partial<Record<Role, Outcome>>; otherwise: Outcome };
  const CASES: Case[] = [
    { label: "a public proposal", make: async () => ({ subject: "PROPOSAL", key: (await createProposal(world.org.id)).id }), expect: {}, otherwise: "ok" },
    {
      label: "a draft proposal",
      make: async () => ({ subject: "PROPOSAL", key: (await createProposal(world.org.id, { status: "DRAFT" })).id }),
      expect: { orgMember: "ok", orgAdmin: "ok", committee: "ok" },
      otherwise: "not_found",
    },
    { label: "a withdrawn proposal", make: async () => ({ subject: "PROPOSAL", key: (await createProposal(world.org.id, { status: "WITHDRAWN" })).id }), expect: {}, otherwise: "ok" },
    { label: "an unknown proposal", make: async () => ({ subject: "PROPOSAL", key: crypto.randomUUID() }), expect: {}, otherwise: "not_found" },
    { label: "a public session", make: async () => ({ subject: "SESSION", key: (await createSession()).id }), expect: {}, otherwise: "ok" },
    { label: "a held session", make: async () => ({ subject: "SESSION", key: (await createSession({ status: "HELD" })).id }), expect: {}, otherwise: "ok" },
    {
      label: "an unpublished session",
      make: async () => ({ subject: "SESSION", key: (await createSession({ status: "DRAFT" })).id }),
      expect: { staff: "conflict", admin: "conflict" },
      otherwise: "not_found",
    },
    { label: "an unknown session", make: async () => ({ subject: "SESSION", key: crypto.randomUUID() }), expect: {}, otherwise: "not_found" },
    { label: "an open consultation", make: async () => ({ subject: "CONSULTATION", key: (await insertConsultation(world.delegateUsers.iom.id)).id }), expect: {}, otherwise: "ok" },
    {
      label: "a draft consultation",
      make: async () => ({ subject: "CONSULTATION", key: (await insertConsultation(world.delegateUsers.iom.id, "DRAFT")).id }),
      expect: { staff: "conflict", admin: "conflict", delegate: "conflict" },
      otherwise: "not_found",
    },
    { label: "a closed consultation", make: async () => ({ subject: "CONSULTATION", key: (await insertConsultation(null, "CLOSED")).id }), expect: {}, otherwise: "conflict" },
    { label: "a synthesized consultation", make: async () => ({ subject: "CONSULTATION", key: (await insertConsultation(null, "SYNTHESIZED")).id }), expect: {}, otherwise: "conflict" },
    { label: "an unknown consultation", make: async () => ({ subject: "CONSULTATION", key: crypto.randomUUID() }), expect: {}, otherwise: "not_found" },
    { label: "an initiative", make: async () => ({ subject: "COMMITMENT", key: (await insertCommitment()).id }), expect: {}, otherwise: "ok" },
    { label: "an unknown initiative", make: async () => ({ subject: "COMMITMENT", key: crypto.randomUUID() }), expect: {}, otherwise: "not_found" },
    { label: "a country", make: async () => ({ subject: "COUNTRY", key: "hn" }), expect: {}, otherwise: "ok" },
    { label: "no country", make: async () => ({ subject: "COUNTRY", key: "XX" }), expect: {}, otherwise: "invalid" },
    { label: "a key that is no id", make: async () => ({ subject: "SESSION", key: "../../admin" }), expect: {}, otherwise: "invalid" },
    { label: "a subject that does not exist", make: async () => ({ subject: "USER", key: crypto.randomUUID() }), expect: {}, otherwise: "invalid" },
  ];

  for (const c of CASES) {
    it(`${c.label}: ${JSON.stringify(c.expect)}, else ${c.otherwise}`, async () => {
      const input = await c.make();
      const table: Record<string, Outcome> = {};
      const expected: Record<string, Outcome> = {};
      for (const role of ROLES.filter((r) => r !== "visitor")) {
        const before = await count(actors[role]!.userId);
        table[role] = await outcome(follows.follow(actors[role], input));
        expected[role] = c.expect[role] ?? c.otherwise;
        // A refusal writes nothing.
        if (table[role] !== "ok") expect(await count(actors[role]!.userId)).toBe(before);
      }
      expect(table).toEqual(expected);
    });
  }

  it("a draft of another organization and an unknown id get the same answer", async () => {
    const draft = await createProposal(world.org.id, { status: "DRAFT" });
    const hidden = await appError(follows.follow(actors.participant, { subject: "PROPOSAL", key: draft.id }));
    const unknown = await appError(follows.follow(actors.participant, { subject: "PROPOSAL", key: crypto.randomUUID() }));
    expect({ kind: hidden.kind, message: hidden.userMessage }).toEqual({ kind: unknown.kind, message: unknown.userMessage });
    const session = await createSession({ status: "DRAFT" });
    const draftSession = await appError(follows.follow(actors.participant, { subject: "SESSION", key: session.id }));
    expect({ kind: draftSession.kind, message: draftSession.userMessage }).toEqual({ kind: unknown.kind, message: unknown.userMessage });
  });

  it("unfollow needs no readable item: what became unreadable can still be let go of", async () => {
    const proposal = await createProposal(world.org.id);
    await follows.follow(actors.participant, { subject: "PROPOSAL", key: proposal.id });
    await db.proposal.update({ where: { id: proposal.id }, data: { status: "DRAFT" } });
    expect((await listFollowing(actors.participant, "es")).find((i) => i.key === proposal.id)).toMatchObject({ title: null, href: null });
    expect(await follows.unfollow(actors.participant, { subject: "PROPOSAL", key: proposal.id })).toMatchObject({ following: false, changed: true });
    expect(await follows.unfollow(actors.participant, { subject: "PROPOSAL", key: proposal.id })).toMatchObject({ changed: false });
  });
});

describe("one follow per person per item", () => {
  it("under races: N parallel follows write one row and one log entry; N parallel unfollows remove it once", async () => {
    const user = await createUser({ name: "Racer" });
    const racer = await actorFor(user.id);
    const session = await createSession();
    const input = { subject: "SESSION", key: session.id.toUpperCase() };
    const N = 12;
    const results = await Promise.all(Array.from({ length: N }, () => follows.follow(racer, input)));
    expect(await db.follow.count({ where: { userId: user.id, subject: "SESSION", key: session.id } })).toBe(1);
    expect(results.filter((r) => r.changed)).toHaveLength(1);
    expect(await db.auditEntry.count({ where: { actorId: user.id, action: "follow.added" } })).toBe(1);
    expect(await followState(racer, "SESSION", session.id)).toEqual({ following: true, followers: 1 });

    const removed = await Promise.all(Array.from({ length: N }, () => follows.unfollow(racer, input)));
    expect(removed.filter((r) => r.changed)).toHaveLength(1);
    expect(await db.follow.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.auditEntry.count({ where: { actorId: user.id, action: "follow.removed" } })).toBe(1);
  });

  it("the list of what I follow names each item in my language, newest first, with its page", async () => {
    const user = await createUser({ name: "Lister" });
    await db.user.update({ where: { id: user.id }, data: { preferredLocale: "en" } });
    const reader = await actorFor(user.id);
    const session = await createSession({ title: { es: "Sesión A", en: "Session A" } });
    const proposal = await createProposal(world.org.id, { title: "Propuesta B" });
    const consultation = await insertConsultation(null);
    const t0 = new Date("2026-01-01T00:00:00Z");
    await follows.follow(reader, { subject: "SESSION", key: session.id }, { now: t0 });
    await follows.follow(reader, { subject: "PROPOSAL", key: proposal.id }, { now: new Date(t0.getTime() + 1000) });
    await follows.follow(reader, { subject: "CONSULTATION", key: consultation.id }, { now: new Date(t0.getTime() + 2000) });
    await follows.follow(reader, { subject: "COUNTRY", key: "HN" }, { now: new Date(t0.getTime() + 3000) });
    const list = await listFollowing(reader, "en");
    expect(list.map((i) => [i.subject, i.title, i.href, i.lang])).toEqual([
      ["COUNTRY", "Honduras", "/champions/hn", null],
      ["CONSULTATION", "Test consultation", `/dialogue/consultations/${consultation.id}`, null],
      ["PROPOSAL", "Propuesta B", `/proposals/${proposal.id}`, "es"],
      ["SESSION", "Session A", `/sessions/${session.id}`, null],
    ]);
    expect(await listFollowing(null, "en")).toEqual([]);
  });
});
