import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { requestPasswordReset, resetPassword } from "@/lib/accounts/commands";
import { authenticate } from "@/lib/accounts/sign-in";
import { sha256Hex } from "@/lib/accounts/policy";
import { isResetTokenUsable } from "@/lib/accounts/queries";
import { loadActor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { AppError } from "@/lib/errors";
import { createUser, resetDatabase } from "../helpers/factories";
import { deliverQueuedMail } from "../helpers/mail";

const OLD = "the old password, long enough";
const NEW = "a brand new password 2025";
// A fixed moment, so no test straddles the edge of a fixed rate-limit window.
const NOW = new Date();
const ctx = { address: "192.0.2.10", now: NOW };
let oldHash: string;

async function aliceWithLink(locale: "es" | "en" | "pt" | "fr" = "en") {
  const user = await createUser({ name: "Alice", email: "alice@example.org", passwordHash: oldHash });
  await db.user.update({ where: { id: user.id }, data: { preferredLocale: locale } });
  await requestPasswordReset(null, { email: "Alice@Example.org" }, ctx);
  await deliverQueuedMail();
  const mail = await db.outboxEmail.findFirstOrThrow({ where: { to: "alice@example.org" }, orderBy: { createdAt: "desc" } });
  const match = mail.text.match(/reset-password\?token=([A-Za-z0-9_-]+)/);
  if (!match) throw new Error("no link in the mail");
  return { user, mail, token: match[1] };
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => expect.unreachable("should have been refused"),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("password reset", () => {
  beforeAll(async () => {
    oldHash = await hashPassword(OLD);
  });
  beforeEach(resetDatabase);

  it("mails a one-hour link in the user's language; only the token's sha256 is stored", async () => {
    const before = Date.now();
    const { user, mail, token } = await aliceWithLink("es");
    expect(mail.subject).toBe("Restablecer su contraseña de Puente");
    expect(mail.text).toContain(`http://localhost:3000/es/reset-password?token=${token}`);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const row = await db.passwordResetToken.findFirstOrThrow({ where: { userId: user.id } });
    expect(row.tokenHash).not.toBe(token);
    expect(row.tokenHash).toBe(sha256Hex(token));
    expect(row.usedAt).toBeNull();
    const ttl = row.expiresAt.getTime() - before;
    expect(ttl).toBeGreaterThan(59 * 60 * 1000);
    expect(ttl).toBeLessThanOrEqual(61 * 60 * 1000);
    expect(await isResetTokenUsable(token)).toBe(true);
  });

  it("answers the same for an unknown email, and sends and records nothing", async () => {
    await expect(requestPasswordReset(null, { email: "nobody@example.org" }, ctx)).resolves.toBeUndefined();
    expect(await db.passwordResetToken.count()).toBe(0);
    await deliverQueuedMail();
    expect(await db.outboxEmail.count()).toBe(0);
    expect(await db.auditEntry.count()).toBe(0);
  });

  it("records each link request privately, in the token's transaction, without the token or the email", async () => {
    const { user, token } = await aliceWithLink();
    const entries = await db.auditEntry.findMany();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: "account.password_reset_requested",
      actorId: null,
      entityType: "User",
      entityId: user.id,
      isPublic: false,
      data: {},
    });
    const stored = JSON.stringify({ ...entries[0], id: String(entries[0].id) });
    expect(stored).not.toContain(token);
    expect(stored).not.toContain("example.org");
  });

  it("uses PUBLIC_URL for the link when it is set", async () => {
    process.env.PUBLIC_URL = "https://puente.example.net/";
    try {
      const { mail, token } = await aliceWithLink("fr");
      expect(mail.text).toContain(`https://puente.example.net/fr/reset-password?token=${token}`);
    } finally {
      delete process.env.PUBLIC_URL;
    }
  });

  it("sets the new password, ends every session, audits privately, and works only once", async () => {
    const { user, token } = await aliceWithLink();
    expect(await loadActor(user.id, 0)).not.toBeNull();

    const signedIn = await resetPassword(null, { token, password: NEW });
    expect(signedIn).toEqual({ id: user.id, sessionVersion: 1, preferredLocale: "en" });
    expect(await loadActor(user.id, 0)).toBeNull(); // the old session's version is refused
    expect(await loadActor(user.id, 1)).not.toBeNull();

    expect((await authenticate("alice@example.org", NEW, "192.0.2.99")).id).toBe(user.id);
    await refusal(authenticate("alice@example.org", OLD, "192.0.2.99"));

    const audit = await db.auditEntry.findMany({ where: { action: "account.password_reset" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "account.password_reset", actorId: user.id, entityId: user.id, isPublic: false });
    expect(JSON.stringify(audit[0].data)).not.toContain(token);

    const again = await refusal(resetPassword(null, { token, password: "yet another password" }));
    expect(again.userMessage).toEqual({ key: "auth.resetLinkInvalid" });
    expect(await isResetTokenUsable(token)).toBe(false);
    expect((await authenticate("alice@example.org", NEW, "192.0.2.99")).sessionVersion).toBe(1);
  });

  it("refuses an expired link and changes nothing", async () => {
    const { user, token } = await aliceWithLink();
    await db.passwordResetToken.updateMany({ data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await isResetTokenUsable(token)).toBe(false);
    expect((await refusal(resetPassword(null, { token, password: NEW }))).userMessage).toEqual({ key: "auth.resetLinkInvalid" });
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.passwordHash).toBe(oldHash);
    expect(after.sessionVersion).toBe(0);
    expect(await db.auditEntry.count({ where: { action: "account.password_reset" } })).toBe(0);
  });

  it("refuses unknown and malformed tokens with the same message", async () => {
    await aliceWithLink();
    for (const token of ["A".repeat(43), "short", "", undefined, 42, ["x"], "../../etc/passwd"]) {
      expect((await refusal(resetPassword(null, { token, password: NEW }))).userMessage).toEqual({ key: "auth.resetLinkInvalid" });
    }
    await expect(resetPassword(null, null)).rejects.toMatchObject({ userMessage: { key: "auth.resetLinkInvalid" } });
  });

  it("checks the new password and keeps the link usable when it is refused", async () => {
    const { token } = await aliceWithLink();
    const error = await refusal(resetPassword(null, { token, password: "too short" }));
    expect(error.fieldErrors).toEqual({ password: [{ key: "tooShort", values: { min: 12 } }] });
    expect(await isResetTokenUsable(token)).toBe(true);
  });

  it("a used link makes the user's other links unusable", async () => {
    const { user, token: first } = await aliceWithLink();
    await requestPasswordReset(null, { email: "alice@example.org" }, ctx);
    await deliverQueuedMail();
    const mails = await db.outboxEmail.findMany({ orderBy: { createdAt: "asc" } });
    const second = mails[1].text.match(/token=([A-Za-z0-9_-]+)/)![1];
    expect(second).not.toBe(first);
    await resetPassword(null, { token: second, password: NEW });
    expect(await isResetTokenUsable(first)).toBe(false);
    expect(await db.passwordResetToken.count({ where: { userId: user.id, usedAt: null } })).toBe(0);
  });

  it("two submits of one link at the same moment: exactly one succeeds", async () => {
    const { user, token } = await aliceWithLink();
    const results = await Promise.allSettled([
      resetPassword(null, { token, password: "first new password!" }),
      resetPassword(null, { token, password: "second new password" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ userMessage: { key: "auth.resetLinkInvalid" } });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(1);
  });

  it("limits link requests to 3 an hour per email", async () => {
    await createUser({ email: "alice@example.org", passwordHash: oldHash });
    for (let i = 0; i < 3; i++) await requestPasswordReset(null, { email: "alice@example.org" }, { address: `192.0.2.${i}`, now: NOW });
    await expect(requestPasswordReset(null, { email: "alice@example.org" }, { address: "192.0.2.200", now: NOW })).rejects.toMatchObject({ kind: "rate_limited" });
    await deliverQueuedMail();
    expect(await db.outboxEmail.count()).toBe(3);
  });

  it("limits link requests to 10 an hour per address, for unknown emails too", async () => {
    for (let i = 0; i < 10; i++) await requestPasswordReset(null, { email: `x${i}@example.org` }, ctx);
    await expect(requestPasswordReset(null, { email: "y@example.org" }, ctx)).rejects.toMatchObject({ kind: "rate_limited" });
  });

  it("validates the email of a link request", async () => {
    expect((await refusal(requestPasswordReset(null, { email: "nope" }, ctx))).fieldErrors).toEqual({ email: [{ key: "invalidEmail" }] });
    expect((await refusal(requestPasswordReset(null, {}, ctx))).fieldErrors.email).toHaveLength(1);
  });
});
