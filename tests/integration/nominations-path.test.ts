import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { isCommand } from "@/lib/commands/run";
import { invalidated, type Surface } from "@/lib/commands/invalidate";
import { db } from "@/lib/db/client";
import * as commands from "@/lib/nominations/commands";
import { confirmSlate, endorse, nominate, withdraw } from "@/lib/nominations/commands";
import { resetDatabase } from "../helpers/factories";
import { appError, buildNominationWorld, createSession, externalNomination, insertNomination, issueToken, outcome } from "../helpers/nomination-fixtures";
import { deliverQueuedMail } from "../helpers/mail";

// How the nominations commands use the one path: mail queued with the change, invalidation declared
// by the command, the idempotent replay's race handled by `recover`.

const mailer = vi.hoisted(() => ({ failing: false }));
vi.mock("@/lib/mail/send", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/mail/send")>();
  return {
    ...actual,
    sendMail: async (...args: Parameters<typeof actual.sendMail>) => {
      if (mailer.failing) throw new Error("the mail server is down");
      return actual.sendMail(...args);
    },
  };
});

type World = Awaited<ReturnType<typeof buildNominationWorld>>;

/** The surfaces `work` invalidated, in order, without repeats. */
async function surfacesOf(work: () => Promise<unknown>): Promise<Surface[]> {
  invalidated.length = 0;
  await work();
  return [...new Set(invalidated)];
}

describe("nominations through the one path", () => {
  let world: World;
  beforeEach(async () => {
    await resetDatabase();
    world = await buildNominationWorld();
    mailer.failing = false;
  });

  it("exports only commands from lib/nominations/commands", () => {
    const exported = Object.entries(commands);
    expect(exported.length).toBe(10);
    for (const [name, value] of exported) expect(isCommand(value), name).toBe(true);
  });

  it("keeps the invitation when its email fails; the email stays queued and goes out on a later try", async () => {
    const session = await createSession();
    mailer.failing = true;
    const result = await nominate(world.actors.independent, externalNomination(session.id, { nomineeEmail: "down@example.test" }));
    // Mail is queued with the change (emailSent: queued), and sent by the worker.
    expect(result).toMatchObject({ status: "INVITED", created: true, invited: true, emailSent: true });
    expect((await db.nomination.findUniqueOrThrow({ where: { id: result.id } })).status).toBe("INVITED");
    expect(await db.nominationToken.count({ where: { nominationId: result.id, purpose: "RESPOND" } })).toBe(1);
    await deliverQueuedMail();
    expect(await db.outboxEmail.count()).toBe(0);
    expect(await db.emailDelivery.findFirstOrThrow({ where: { to: "down@example.test" } })).toMatchObject({ status: "QUEUED", attempts: 1 });

    mailer.failing = false;
    await deliverQueuedMail();
    expect(await db.outboxEmail.count({ where: { to: "down@example.test" } })).toBe(1);
    expect(await db.emailDelivery.findFirstOrThrow({ where: { to: "down@example.test" } })).toMatchObject({ status: "SENT", attempts: 2, text: "" });
  });

  it("refreshes the same pages whichever form withdraws: the personal link, the nominee's dashboard or the committee", async () => {
    const session = await createSession();
    const byLink = await insertNomination(session.id, { status: "SELECTED" });
    const token = await issueToken(byLink.id, "WITHDRAW");
    const byNominee = await insertNomination(session.id, { status: "SELECTED", nomineeUserId: world.users.otherOrgMember.id, organizationId: world.otherOrg.id });
    const byCommittee = await insertNomination(session.id, { status: "SELECTED", nominatedById: world.users.independent.id });
    const expected: Surface[] = ["dashboard", "sessions"];
    expect(await surfacesOf(() => withdraw(null, { token }))).toEqual(expected);
    expect(await surfacesOf(() => withdraw(world.actors.otherOrgMember, { nominationId: byNominee.id }))).toEqual(expected);
    expect(await surfacesOf(() => withdraw(world.actors.independent, { nominationId: byCommittee.id }))).toEqual(expected);
  });

  it("refreshes the public pages when the slate is confirmed, and nothing when a command is refused", async () => {
    const session = await createSession();
    const n = await insertNomination(session.id, { status: "SELECTED", selectedById: world.users.chair.id });
    const refused = await surfacesOf(() => outcome(endorse(world.actors.staff, { nominationId: n.id })));
    expect(refused).toEqual([]);
    expect(await surfacesOf(() => confirmSlate(world.actors.staff, { sessionId: session.id }))).toEqual(
      expect.arrayContaining(["dashboard", "sessions", "home", "transparency"]),
    );
  });

  it("answers the same key posted for two sessions at the same moment once, and refuses the other as another form", async () => {
    const first = await createSession();
    const second = await createSession();
    const input = externalNomination(first.id, { nomineeEmail: "race@example.test" });
    for (let round = 0; round < 3; round++) {
      const key = randomUUID();
      const results = await Promise.all([
        outcome(nominate(world.actors.independent, { ...input, idempotencyKey: key, nomineeEmail: `a${round}@example.test` })),
        outcome(nominate(world.actors.independent, { ...input, idempotencyKey: key, sessionId: second.id, nomineeEmail: `b${round}@example.test` })),
      ]);
      expect(results.sort(), `round ${round}`).toEqual(["conflict", "ok"]);
      expect(await db.nomination.count({ where: { id: key } })).toBe(1);
    }
    // One after the other, the second reads the same.
    await nominate(world.actors.independent, input);
    const later = await appError(nominate(world.actors.independent, { ...input, sessionId: second.id }));
    expect(later.userMessage.key).toBe("nominations.duplicateKey");
  });
});
