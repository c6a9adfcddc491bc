import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import * as accountCommands from "@/lib/accounts/commands";
import { signUp } from "@/lib/accounts/commands";
import { isCommand } from "@/lib/commands/run";
import { verifyPassword } from "@/lib/auth/password";
import { AppError } from "@/lib/errors";
import { resetDatabase } from "../helpers/factories";
import { deliverQueuedMail } from "../helpers/mail";

// A fixed moment, so no test straddles the edge of a fixed rate-limit window.
const address = { address: "198.51.100.7", now: new Date() };
const valid = { name: "Ana Pérez", email: "ana@example.org", password: "correct horse battery", locale: "pt" };

async function fieldErrorsOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => expect.unreachable("should have been refused"),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).kind).toBe("invalid");
  return (error as AppError).fieldErrors;
}

describe("signUp", () => {
  beforeEach(resetDatabase);

  it("creates the user with an argon2id hash, the chosen language and a private audit entry without the email", async () => {
    const result = await signUp(null, { ...valid, email: "  Ana@Example.ORG " }, address);
    expect(result.status).toBe("created");
    if (result.status !== "created") return;
    const user = await db.user.findUniqueOrThrow({ where: { id: result.user.id } });
    expect(user.email).toBe("ana@example.org");
    expect(user.name).toBe("Ana Pérez");
    expect(user.preferredLocale).toBe("pt");
    expect(user.sessionVersion).toBe(0);
    expect(result.user).toEqual({ id: user.id, sessionVersion: 0, preferredLocale: "pt" });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user.passwordHash).not.toContain(valid.password);
    expect(await verifyPassword(user.passwordHash, valid.password)).toBe(true);

    const audit = await db.auditEntry.findMany();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "account.signed_up", actorId: user.id, entityType: "User", entityId: user.id, isPublic: false });
    expect(JSON.stringify(audit[0].data)).not.toContain("example.org");

    // A welcome mail in the chosen language, which repeats nothing the form's author typed.
    await deliverQueuedMail();
    const mail = await db.outboxEmail.findMany();
    expect(mail).toHaveLength(1);
    expect(mail[0].to).toBe("ana@example.org");
    expect(mail[0].subject).toBe("Boas-vindas ao Puente");
    expect(mail[0].text).not.toContain("Ana Pérez");
  });

  it("stores a name with markup as plain text", async () => {
    const name = `<script>alert("x")</script> & <b>Ana</b>`;
    const result = await signUp(null, { ...valid, name }, address);
    if (result.status !== "created") throw new Error("expected a new account");
    expect((await db.user.findUniqueOrThrow({ where: { id: result.user.id } })).name).toBe(name);
  });

  it("accepts passwords of exactly 12 and 200 characters, and a 120-character name", async () => {
    expect((await signUp(null, { ...valid, password: "x".repeat(12) }, address)).status).toBe("created");
    expect((await signUp(null, { ...valid, email: "b@example.org", password: "y".repeat(200), name: "n".repeat(120) }, address)).status).toBe("created");
  });

  it.each([
    ["name", { name: "" }, [{ key: "required" }]],
    ["name", { name: "   " }, [{ key: "required" }]],
    ["name", { name: "n".repeat(121) }, [{ key: "tooLong", values: { max: 120 } }]],
    ["name", { name: undefined }, [{ key: "required" }]],
    ["email", { email: "" }, [{ key: "required" }]],
    ["email", { email: "not-an-email" }, [{ key: "invalidEmail" }]],
    ["email", { email: "ana@" }, [{ key: "invalidEmail" }]],
    ["email", { email: `${"a".repeat(250)}@example.org` }, [{ key: "tooLong", values: { max: 254 } }]],
    ["password", { password: "" }, [{ key: "required" }]],
    ["password", { password: "x".repeat(11) }, [{ key: "tooShort", values: { min: 12 } }]],
    ["password", { password: "x".repeat(201) }, [{ key: "tooLong", values: { max: 200 } }]],
    ["locale", { locale: "de" }, [{ key: "invalidChoice" }]],
    ["locale", { locale: "" }, [{ key: "invalidChoice" }]],
    ["locale", { locale: undefined }, [{ key: "invalidChoice" }]],
    ["locale", { locale: ["es"] }, [{ key: "invalidChoice" }]],
  ] as const)("refuses a bad %s (%j) with a message next to the field, and creates nothing", async (field, change, expected) => {
    const fieldErrors = await fieldErrorsOf(signUp(null, { ...valid, ...change }, address));
    expect(Object.keys(fieldErrors)).toEqual([field]);
    expect(fieldErrors[field]).toEqual(expected);
    expect(await db.user.count()).toBe(0);
    await deliverQueuedMail();
    expect(await db.outboxEmail.count()).toBe(0);
  });

  // Forms only send strings; a crafted request with other types gets one message on that field
  // (lib/errors.ts maps zod's invalid_type to "required" as zod 4 does not report the input).
  it.each([
    ["name", { name: 42 }],
    ["name", { name: { first: "Ana" } }],
    ["email", { email: ["a@example.org", "b@example.org"] }],
    ["password", { password: 123456789012345 }],
    ["locale", { locale: 1 }],
  ] as const)("refuses a %s of the wrong type (%j)", async (field, change) => {
    const fieldErrors = await fieldErrorsOf(signUp(null, { ...valid, ...change }, address));
    expect(Object.keys(fieldErrors)).toEqual([field]);
    expect(fieldErrors[field]).toHaveLength(1);
    expect(await db.user.count()).toBe(0);
  });

  it("is a command on the one path, as every export of the accounts' commands", () => {
    for (const [name, value] of Object.entries(accountCommands)) expect(isCommand(value), name).toBe(true);
  });

  it("refuses input that is not an object", async () => {
    await expect(signUp(null, null, address)).rejects.toBeInstanceOf(AppError);
    await expect(signUp(null, "name=x", address)).rejects.toBeInstanceOf(AppError);
    expect(await db.user.count()).toBe(0);
  });

  it("with a registered email creates no second user and tells the owner, in their language, by email", async () => {
    const first = await signUp(null, { ...valid, locale: "fr" }, address);
    if (first.status !== "created") throw new Error("expected a new account");
    const before = await db.user.findUniqueOrThrow({ where: { id: first.user.id } });
    await deliverQueuedMail();
    await db.outboxEmail.deleteMany();

    const second = await signUp(null, { ...valid, name: "Mallory <a href=x>click</a>", email: "ANA@example.org", password: "another password 123", locale: "en" }, address);
    expect(second).toEqual({ status: "duplicate" });
    expect(await db.user.count()).toBe(1);
    const after = await db.user.findUniqueOrThrow({ where: { id: first.user.id } });
    expect(after).toEqual(before); // password, name and language untouched
    expect(await db.auditEntry.count()).toBe(1);

    await deliverQueuedMail();
    const mail = await db.outboxEmail.findMany();
    expect(mail).toHaveLength(1);
    expect(mail[0].to).toBe("ana@example.org");
    expect(mail[0].subject).toBe("Quelqu’un a essayé de créer un compte avec votre adresse e-mail");
    expect(mail[0].text).toContain("http://localhost:3000/fr/reset-password");
    expect(mail[0].text).not.toContain("Mallory");
  });

  it("two simultaneous sign-ups with one email make one account", async () => {
    const results = await Promise.all([signUp(null, valid, address), signUp(null, { ...valid, name: "Other" }, address)]);
    expect(results.map((r) => r.status).sort()).toEqual(["created", "duplicate"]);
    expect(await db.user.count()).toBe(1);
  });

  it("limits duplicate notices to 3 a day per address, and sign-ups to 10 an hour per client address", async () => {
    await signUp(null, valid, address);
    for (let i = 0; i < 5; i++) expect((await signUp(null, valid, address)).status).toBe("duplicate");
    await deliverQueuedMail();
    expect(await db.outboxEmail.count({ where: { to: valid.email, subject: { not: "Boas-vindas ao Puente" } } })).toBe(3);
    for (let i = 0; i < 4; i++) await signUp(null, { ...valid, email: `u${i}@example.org` }, address);
    // 10 attempts from this address so far: the 11th is refused before anything happens.
    await expect(signUp(null, { ...valid, email: "late@example.org" }, address)).rejects.toMatchObject({ kind: "rate_limited" });
    expect(await db.user.findUnique({ where: { email: "late@example.org" } })).toBeNull();
    expect((await signUp(null, { ...valid, email: "late@example.org" }, { ...address, address: "198.51.100.8" })).status).toBe("created");
  });
});
