import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { authenticate } from "@/lib/accounts/sign-in";
import { MAX_SIGN_IN_DELAY_MS, sha256Hex } from "@/lib/accounts/policy";
import { hashPassword } from "@/lib/auth/password";
import { AppError } from "@/lib/errors";
import { createUser, resetDatabase } from "../helpers/factories";

const PASSWORD = "a long and right password";
// One fixed moment, so no test straddles the edge of a fixed rate-limit window.
const NOW = new Date();
// The growing delay is asserted where it matters; elsewhere it is not waited out.
const noWait = async () => {};
let passwordHash: string;

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => expect.unreachable("should have been refused"),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("authenticate", () => {
  beforeAll(async () => {
    passwordHash = await hashPassword(PASSWORD);
  });
  beforeEach(resetDatabase);

  it("returns the user to start a session with, for the right password (email in any case)", async () => {
    const user = await createUser({ email: "ana@example.org", passwordHash });
    await db.user.update({ where: { id: user.id }, data: { sessionVersion: 3, preferredLocale: "fr" } });
    expect(await authenticate(" ANA@example.org", PASSWORD, "203.0.113.1", NOW)).toEqual({ id: user.id, sessionVersion: 3, preferredLocale: "fr" });
  });

  it("gives the identical answer for a wrong password and an unknown email, and writes no audit row", async () => {
    await createUser({ email: "ana@example.org", passwordHash });
    const wrong = await refusal(authenticate("ana@example.org", "not the password", "203.0.113.1", NOW));
    const unknown = await refusal(authenticate("nobody@example.org", PASSWORD, "203.0.113.1", NOW));
    for (const error of [wrong, unknown]) {
      expect(error.kind).toBe("invalid");
      expect(error.userMessage).toEqual({ key: "auth.invalidCredentials" });
      expect(error.fieldErrors).toEqual({});
    }
    expect(await db.auditEntry.count()).toBe(0);
  });

  it("asks for both fields before checking anything", async () => {
    const error = await refusal(authenticate("", "", "203.0.113.1", NOW));
    expect(error.fieldErrors).toEqual({ email: [{ key: "required" }], password: [{ key: "required" }] });
    expect(await db.rateLimitCounter.count()).toBe(0);
  });

  it("after 5 failures for one account from one address refuses even the right password from that address", async () => {
    const user = await createUser({ email: "ana@example.org", passwordHash });
    for (let i = 0; i < 5; i++) {
      expect((await refusal(authenticate("ana@example.org", `wrong ${i}`, "203.0.113.7", NOW, noWait))).userMessage.key).toBe("auth.invalidCredentials");
    }
    const limited = await refusal(authenticate("ana@example.org", PASSWORD, "203.0.113.7", NOW, noWait));
    expect(limited.kind).toBe("rate_limited");
    expect(limited.userMessage).toEqual({ key: "rateLimited" });

    // The counters live in PostgreSQL (shared by every app server), keyed by the email's hash.
    const counter = await db.rateLimitCounter.findFirstOrThrow({ where: { key: `signin:account:${sha256Hex("ana@example.org")}` } });
    expect(counter.count).toBe(5);
    // The owner from another address still gets in; other accounts are not affected.
    expect((await authenticate("ana@example.org", PASSWORD, "203.0.113.99", NOW, noWait)).id).toBe(user.id);
    const other = await createUser({ email: "ben@example.org", passwordHash });
    expect((await authenticate("ben@example.org", PASSWORD, "203.0.113.7", NOW, noWait)).id).toBe(other.id);
  });

  it("an attack on one account from 50 addresses slows its sign-in down but lets the owner in from their address", async () => {
    const owner = await createUser({ email: "ana@example.org", passwordHash });
    const delays: number[] = [];
    const wait = async (ms: number) => void delays.push(ms);
    for (let i = 0; i < 50; i++) {
      const attacker = `198.51.100.${i + 1}`;
      expect((await refusal(authenticate("ana@example.org", `guess ${i}`, attacker, NOW, wait))).kind).toBe("invalid");
    }
    const attackDelays = delays.splice(0);
    // Failures from every address make each next attempt wait longer, up to a bound: never a refusal.
    expect(attackDelays).toHaveLength(45);
    expect(attackDelays.slice(0, 5)).toEqual([250, 500, 1000, 2000, MAX_SIGN_IN_DELAY_MS]);
    expect(Math.max(...attackDelays)).toBe(MAX_SIGN_IN_DELAY_MS);

    const user = await authenticate("ana@example.org", PASSWORD, "203.0.113.10", NOW, wait);
    expect(user.id).toBe(owner.id);
    expect(delays).toEqual([MAX_SIGN_IN_DELAY_MS]);
    console.log(`50 addresses x 1 wrong password: 50 refused as invalid (none rate-limited), ${attackDelays.length} waited, delay grew to ${Math.max(...attackDelays)} ms; the owner signed in after ${delays[0]} ms`);
  });

  it("counts failures for unknown emails too, so the limit says nothing about who is registered", async () => {
    for (let i = 0; i < 5; i++) await refusal(authenticate("ghost@example.org", "whatever it is", "203.0.113.1", NOW, noWait));
    expect((await refusal(authenticate("ghost@example.org", "whatever it is", "203.0.113.1", NOW, noWait))).kind).toBe("rate_limited");
  });

  it("after 20 failures from one address refuses even the right password from it", async () => {
    await createUser({ email: "ana@example.org", passwordHash });
    const address = "2001:db8::7";
    for (let i = 0; i < 20; i++) {
      // Spread over several emails, each below its own account limit.
      expect((await refusal(authenticate(`guess${i % 5}@example.org`, "a guess", address, NOW))).kind).toBe("invalid");
    }
    expect((await refusal(authenticate("ana@example.org", PASSWORD, address, NOW))).kind).toBe("rate_limited");
    const counter = await db.rateLimitCounter.findFirstOrThrow({ where: { key: `signin:address:${address}` } });
    expect(counter.count).toBe(20);
    // The same account still signs in from elsewhere.
    expect((await authenticate("ana@example.org", PASSWORD, "203.0.113.50", NOW)).sessionVersion).toBe(0);
  });

  it("lifts the limit in the next 15-minute window", async () => {
    const user = await createUser({ email: "ana@example.org", passwordHash });
    for (let i = 0; i < 5; i++) await refusal(authenticate("ana@example.org", "wrong", "203.0.113.1", NOW, noWait));
    expect((await refusal(authenticate("ana@example.org", PASSWORD, "203.0.113.1", NOW))).kind).toBe("rate_limited");
    const later = new Date(NOW.getTime() + 15 * 60 * 1000);
    expect((await authenticate("ana@example.org", PASSWORD, "203.0.113.1", later)).id).toBe(user.id);
  });

  it("does not count successful sign-ins", async () => {
    await createUser({ email: "ana@example.org", passwordHash });
    for (let i = 0; i < 6; i++) await authenticate("ana@example.org", PASSWORD, "203.0.113.1", NOW);
    expect(await db.rateLimitCounter.count()).toBe(0);
  });
});
