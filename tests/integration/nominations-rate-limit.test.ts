import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { nominate } from "@/lib/nominations/commands";
import { resetDatabase } from "../helpers/factories";
import { appError, buildNominationWorld, createSession, externalNomination, nominationRowCounts } from "../helpers/nomination-fixtures";

type World = Awaited<ReturnType<typeof buildNominationWorld>>;

// nominateRule in lib/nominations/commands/nominate.ts: 100 nominations per member per hour.
const LIMIT = 100;
const HOUR = 3600 * 1000;
const counterOf = (userId: string) => db.rateLimitCounter.findMany({ where: { key: `nominations.nominate:${userId}` }, select: { count: true } });

describe("the nomination rate limit", () => {
  let world: World;
  beforeEach(async () => {
    // Only Date is faked, a few minutes into an hour, so no test straddles the edge of the fixed window.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Math.floor(Date.now() / HOUR) * HOUR + 5 * 60 * 1000);
    await resetDatabase();
    world = await buildNominationWorld();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("refuses a member past the limit, writes nothing for the refusal, and leaves other members free", { timeout: 180_000 }, async () => {
    const session = await createSession();
    const first = externalNomination(session.id, { sendInvitation: undefined });
    expect((await nominate(world.actors.independent, first)).created).toBe(true);
    for (let i = 1; i < LIMIT; i++) {
      expect((await nominate(world.actors.independent, externalNomination(session.id, { sendInvitation: undefined }))).created).toBe(true);
    }
    expect(await counterOf(world.users.independent.id)).toEqual([{ count: LIMIT }]);

    const before = await nominationRowCounts();
    for (let attempt = 0; attempt < 2; attempt++) {
      // With an invitation asked for: no nomination, no link, no email, no audit row.
      const refused = await appError(nominate(world.actors.independent, externalNomination(session.id, { nomineeName: "Past The Limit" })));
      expect(refused.kind).toBe("rate_limited");
      expect(refused.userMessage).toEqual({ key: "rateLimited" });
    }
    expect(await nominationRowCounts()).toEqual(before);
    expect(await db.nomination.count({ where: { nomineeName: "Past The Limit" } })).toBe(0);
    // Refusals are not counted either.
    expect(await counterOf(world.users.independent.id)).toEqual([{ count: LIMIT }]);

    // The same form posted again is a replay, not a new nomination: it still gets its answer.
    expect(await nominate(world.actors.independent, first)).toMatchObject({ id: first.idempotencyKey, created: false });

    // The limit is per member: the chair nominates in the same session and hour.
    const other = await nominate(world.actors.chair, externalNomination(session.id));
    expect(other).toMatchObject({ created: true, invited: true, emailSent: true });
    expect(await counterOf(world.users.chair.id)).toEqual([{ count: 1 }]);

    // The next window lifts it.
    vi.setSystemTime(Date.now() + HOUR);
    expect((await nominate(world.actors.independent, externalNomination(session.id, { sendInvitation: undefined }))).created).toBe(true);
  });

  it("counts only nominations made, not refused ones", async () => {
    const session = await createSession();
    const input = externalNomination(session.id, { sendInvitation: undefined });
    await nominate(world.actors.independent, input);
    // The same person for the same role again, and a form with a missing field.
    expect((await appError(nominate(world.actors.independent, { ...externalNomination(session.id), nomineeEmail: input.nomineeEmail }))).kind).toBe("conflict");
    expect((await appError(nominate(world.actors.independent, externalNomination(session.id, { rationale: "" })))).kind).toBe("invalid");
    expect(await counterOf(world.users.independent.id)).toEqual([{ count: 1 }]);
  });
});
