import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { NominationStatus } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { confirmSlate, endorse, invite, respondToInvitation, select, unselect, withdraw } from "@/lib/nominations/commands";
import {
  effectiveStatus,
  invitationExpiry,
  NOMINATION_ACTIONS,
  NOMINATION_STATUSES,
  nextNominationStatus,
  type NominationAction,
} from "@/lib/nominations/policy";
import { resetDatabase } from "../helpers/factories";
import {
  appError,
  buildNominationWorld,
  createSession,
  insertNomination,
  issueToken,
  nominationRowCounts,
  outcome,
} from "../helpers/nomination-fixtures";

type World = Awaited<ReturnType<typeof buildNominationWorld>>;
const DAY = 24 * 60 * 60 * 1000;

// ─── The state machine, as a pure function ──────────────────────────────────────────────────

// Written out by hand (not derived from the code): every state × action pair. null = refused
// (for `confirm`: left as it is).
const EXPECTED: Record<NominationStatus, Record<NominationAction, NominationStatus | null>> = {
  PROPOSED: { invite: "INVITED", accept: null, decline: null, expire: null, select: null, unselect: null, withdraw: "WITHDRAWN", endorse: "PROPOSED", confirm: "EXPIRED" },
  INVITED: { invite: null, accept: "ACCEPTED", decline: "DECLINED", expire: "EXPIRED", select: null, unselect: null, withdraw: "WITHDRAWN", endorse: "INVITED", confirm: "EXPIRED" },
  ACCEPTED: { invite: null, accept: null, decline: null, expire: null, select: "SELECTED", unselect: null, withdraw: "WITHDRAWN", endorse: "ACCEPTED", confirm: "NOT_SELECTED" },
  DECLINED: { invite: null, accept: null, decline: null, expire: null, select: null, unselect: null, withdraw: null, endorse: null, confirm: null },
  EXPIRED: { invite: "INVITED", accept: null, decline: null, expire: null, select: null, unselect: null, withdraw: "WITHDRAWN", endorse: null, confirm: null },
  SELECTED: { invite: null, accept: null, decline: null, expire: null, select: null, unselect: "ACCEPTED", withdraw: "WITHDRAWN", endorse: "SELECTED", confirm: "SELECTED" },
  NOT_SELECTED: { invite: null, accept: null, decline: null, expire: null, select: null, unselect: null, withdraw: null, endorse: null, confirm: null },
  WITHDRAWN: { invite: null, accept: null, decline: null, expire: null, select: null, unselect: null, withdraw: null, endorse: null, confirm: null },
};

describe("nextNominationStatus", () => {
  it("covers the eight states and nine actions", () => {
    expect(NOMINATION_STATUSES).toHaveLength(8);
    expect(NOMINATION_ACTIONS).toHaveLength(9);
  });
  for (const status of NOMINATION_STATUSES) {
    for (const action of NOMINATION_ACTIONS) {
      it(`${status} × ${action} → ${EXPECTED[status][action] ?? "refused"}`, () => {
        expect(nextNominationStatus(status, action)).toBe(EXPECTED[status][action]);
      });
    }
  }
});

describe("effectiveStatus and the invitation's expiry", () => {
  it("reads an invitation whose link ran out as EXPIRED, and nothing else", () => {
    const now = new Date();
    const past = new Date(now.getTime() - 1000);
    const future = new Date(now.getTime() + 1000);
    expect(effectiveStatus({ status: "INVITED", invitationExpiresAt: past }, now)).toBe("EXPIRED");
    expect(effectiveStatus({ status: "INVITED", invitationExpiresAt: now }, now)).toBe("EXPIRED");
    expect(effectiveStatus({ status: "INVITED", invitationExpiresAt: future }, now)).toBe("INVITED");
    for (const status of NOMINATION_STATUSES.filter((s) => s !== "INVITED")) {
      expect(effectiveStatus({ status, invitationExpiresAt: past }, now)).toBe(status);
    }
  });

  it("gives a link 14 days, never beyond the session's start", () => {
    const now = new Date(Date.UTC(2027, 0, 1));
    expect(invitationExpiry({ startsAt: new Date(Date.UTC(2027, 2, 1)) }, now)).toEqual(new Date(Date.UTC(2027, 0, 15)));
    const soon = new Date(Date.UTC(2027, 0, 5));
    expect(invitationExpiry({ startsAt: soon }, now)).toEqual(soon);
  });
});

// ─── Running each command on a nomination in each state ────────────────────────────────────

const AUDIT: Partial<Record<NominationAction, string>> = {
  invite: "nomination.invited",
  accept: "nomination.accepted",
  decline: "nomination.declined",
  select: "nomination.selected",
  unselect: "nomination.unselected",
  withdraw: "nomination.withdrawn",
  endorse: "nomination.endorsed",
};

/** Runs `action` the way its page would, by the person who takes it. */
async function run(world: World, action: Exclude<NominationAction, "expire" | "confirm">, nominationId: string, token: string | null) {
  const { actors } = world;
  switch (action) {
    case "invite":
      return invite(actors.independent, { nominationId });
    case "accept":
    case "decline":
      return respondToInvitation(null, { token, response: action, bio: "Defensora de derechos.", publishName: "on" });
    case "select":
      return select(actors.chair, { nominationId, rationale: "Aporta la mirada de las comunidades de acogida." });
    case "unselect":
      return unselect(actors.chair, { nominationId });
    case "withdraw":
      return withdraw(actors.staff as Actor, { nominationId });
    case "endorse":
      return endorse(actors.independent, { nominationId });
  }
}

describe("every state × action through the commands", () => {
  let world: World;
  beforeEach(async () => {
    await resetDatabase();
    world = await buildNominationWorld();
  });

  // 56 pairs, each a command and its checks: over the default timeout when the files run in parallel.
  it("moves legal pairs, refuses illegal ones with a clear message and writes nothing", { timeout: 120_000 }, async () => {
    // Room for every selected nomination the table inserts.
    const session = await createSession({ panelistSeats: 50 });
    const actions = NOMINATION_ACTIONS.filter((a): a is Exclude<NominationAction, "expire" | "confirm"> => a !== "expire" && a !== "confirm");
    for (const status of NOMINATION_STATUSES) {
      for (const action of actions) {
        const n = await insertNomination(session.id, { status, name: `N ${status} ${action}` });
        const label = `${status} × ${action}`;
        const expected = EXPECTED[status][action];
        // The nominee's personal link, for the two answers given through it.
        const token = action === "accept" || action === "decline" ? await issueToken(n.id, "RESPOND") : null;
        const before = await nominationRowCounts();
        if (expected) {
          expect(await outcome(run(world, action, n.id, token)), label).toBe("ok");
          const stored = await db.nomination.findUniqueOrThrow({ where: { id: n.id } });
          expect(stored.status, label).toBe(expected);
          const entries = await db.auditEntry.findMany({ where: { entityType: "Nomination", entityId: n.id } });
          expect(entries.map((e) => e.action), label).toContain(AUDIT[action]);
          expect(entries.every((e) => !e.isPublic), label).toBe(true);
        } else {
          const error = await appError(run(world, action, n.id, token));
          expect(error.kind, label).toBe("conflict");
          // Through a personal link every refusal reads the same; the committee is told why.
          expect(error.userMessage.key, label).toBe(action === "accept" || action === "decline" ? "nominations.linkInvalid" : "nominations.wrongState");
          expect(await nominationRowCounts(), label).toEqual(before);
          if (token) expect((await db.nominationToken.findFirstOrThrow({ where: { nominationId: n.id } })).usedAt, label).toBeNull();
          expect((await db.nomination.findUniqueOrThrow({ where: { id: n.id } })).status, label).toBe(status);
        }
      }
    }
  });

  // A refused command writes nothing, not even EXPIRED: every reader goes through effectiveStatus,
  // and a command that proceeds moves the nomination from what is stored.
  it("leaves an invitation whose link ran out as stored when a command refuses it, and reads it as EXPIRED", async () => {
    const session = await createSession();
    for (const status of NOMINATION_STATUSES) {
      const n = await insertNomination(session.id, { status, invitationExpiresAt: new Date(Date.now() - DAY) });
      const before = await nominationRowCounts();
      // An expired invitation cannot be endorsed: refused, and nothing is written.
      const result = await outcome(endorse(world.actors.independent, { nominationId: n.id }));
      if (status === "INVITED") expect(result, status).toBe("conflict");
      const stored = await db.nomination.findUniqueOrThrow({ where: { id: n.id } });
      expect(stored.status, status).toBe(status);
      expect(effectiveStatus(stored), status).toBe(status === "INVITED" ? "EXPIRED" : status);
      if (result !== "ok") expect(await nominationRowCounts(), status).toEqual(before);
    }
  });

  it("moves an invitation whose link ran out from its stored status when a command proceeds", async () => {
    const session = await createSession();
    const lapsed = () => insertNomination(session.id, { status: "INVITED", invitationExpiresAt: new Date(Date.now() - DAY) });
    const reinvited = await lapsed();
    expect((await invite(world.actors.independent, { nominationId: reinvited.id })).status).toBe("INVITED");
    const stored = await db.nomination.findUniqueOrThrow({ where: { id: reinvited.id } });
    expect(stored.status).toBe("INVITED");
    expect(stored.invitationExpiresAt!.getTime()).toBeGreaterThan(Date.now());
    const withdrawn = await lapsed();
    expect((await withdraw(world.actors.staff, { nominationId: withdrawn.id })).status).toBe("WITHDRAWN");
    const entry = await db.auditEntry.findFirstOrThrow({ where: { action: "nomination.withdrawn", entityId: withdrawn.id } });
    expect(entry.data).toMatchObject({ previousStatus: "EXPIRED" });
  });

  it("refuses accepting and declining through an expired invitation, and writes nothing", async () => {
    const session = await createSession();
    for (const response of ["accept", "decline"] as const) {
      const n = await insertNomination(session.id, { status: "INVITED", invitationExpiresAt: new Date(Date.now() - 1000) });
      const token = await issueToken(n.id, "RESPOND", { expiresAt: new Date(Date.now() - 1000) });
      const before = await nominationRowCounts();
      const error = await appError(respondToInvitation(null, { token, response }));
      expect(error.userMessage.key).toBe("nominations.linkInvalid");
      expect(await nominationRowCounts()).toEqual(before);
      const stored = await db.nomination.findUniqueOrThrow({ where: { id: n.id } });
      expect(stored.status).toBe("INVITED");
      expect(effectiveStatus(stored)).toBe("EXPIRED");
    }
  });

  it("confirming the slate does to each state what the table says", async () => {
    const session = await createSession({ panelistSeats: 10 });
    const byStatus = new Map<NominationStatus, string>();
    for (const status of NOMINATION_STATUSES) {
      byStatus.set(status, (await insertNomination(session.id, { status, selectedById: world.users.chair.id })).id);
    }
    // An invitation whose link ran out without anyone noticing expires too.
    const lapsed = await insertNomination(session.id, { status: "INVITED", invitationExpiresAt: new Date(Date.now() - DAY) });
    await confirmSlate(world.actors.staff, { sessionId: session.id });
    for (const status of NOMINATION_STATUSES) {
      const stored = await db.nomination.findUniqueOrThrow({ where: { id: byStatus.get(status)! } });
      expect(stored.status, status).toBe(EXPECTED[status].confirm ?? status);
    }
    expect((await db.nomination.findUniqueOrThrow({ where: { id: lapsed.id } })).status).toBe("EXPIRED");
    expect((await db.reviewSession.findUniqueOrThrow({ where: { id: session.id } })).status).toBe("SPEAKERS_CONFIRMED");
  });

  it("withdraws before the session starts, never after", async () => {
    const session = await createSession({ startsAt: new Date(Date.now() + 60 * 60 * 1000), nominationDeadline: new Date(Date.now() + 30 * 60 * 1000) });
    const n = await insertNomination(session.id, { status: "SELECTED" });
    await db.reviewSession.update({ where: { id: session.id }, data: { startsAt: new Date(Date.now() - 1000), nominationDeadline: new Date(Date.now() - 2000) } });
    const error = await appError(withdraw(world.actors.staff, { nominationId: n.id }));
    expect(error.userMessage.key).toBe("nominations.sessionStarted");
    expect((await db.nomination.findUniqueOrThrow({ where: { id: n.id } })).status).toBe("SELECTED");
  });
});
