import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { loadActor } from "@/lib/auth/actor";
import { verifyPassword } from "@/lib/auth/password";
import { createAdmin } from "@/lib/setup/create-admin";
import { createUser, resetDatabase } from "../helpers/factories";
import { outcome } from "../helpers/outcomes";

// `npm run create-admin`: the first admin of a real deployment.
describe("createAdmin", () => {
  beforeEach(resetDatabase);

  it("creates the account with an argon2id hash, the ADMIN role and a public log entry without the email", async () => {
    const result = await createAdmin(null, { name: "Primera Admin", email: "First.Admin@Example.org", password: "una clave muy larga 2026" });
    expect(result.created).toBe(true);
    const user = await db.user.findUniqueOrThrow({ where: { email: "first.admin@example.org" }, include: { roles: true } });
    expect(user.roles.map((r) => r.role)).toEqual(["ADMIN"]);
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(user.passwordHash, "una clave muy larga 2026")).toBe(true);
    const entries = await db.auditEntry.findMany({ where: { action: "role.granted" } });
    expect(entries).toHaveLength(1);
    expect(entries[0].isPublic).toBe(true);
    expect(JSON.stringify(entries[0].data)).not.toContain("@");
  });

  it("promotes an existing account once, without touching its password or duplicating it", async () => {
    const existing = await createUser({ email: "someone@example.org", passwordHash: "kept" });
    const first = await createAdmin(null, { name: "X", email: "someone@example.org", password: "another long password" });
    const second = await createAdmin(null, { name: "X", email: "someone@example.org", password: "another long password" });
    expect(first).toEqual({ userId: existing.id, created: false });
    expect(second.userId).toBe(existing.id);
    expect(await db.user.count()).toBe(1);
    expect(await db.roleAssignment.count({ where: { userId: existing.id, role: "ADMIN" } })).toBe(1);
    expect(await db.auditEntry.count()).toBe(1);
    expect((await db.user.findUniqueOrThrow({ where: { id: existing.id } })).passwordHash).toBe("kept");
  });

  it("runs only from the command line: a signed-in actor is refused and nothing is written", async () => {
    const someone = await createUser({ email: "someone@example.org" });
    const actor = await loadActor(someone.id, 0);
    expect(actor).not.toBeNull();
    expect(await outcome(createAdmin(actor, { name: "X", email: "someone@example.org", password: "another long password" }))).toBe("forbidden");
    expect(await db.roleAssignment.count()).toBe(0);
    expect(await db.auditEntry.count()).toBe(0);
  });

  it("refuses bad input and writes nothing", async () => {
    for (const input of [
      { name: "", email: "a@example.org", password: "long enough password" },
      { name: "A", email: "not-an-email", password: "long enough password" },
      { name: "A", email: "a@example.org", password: "short" },
      { name: "A".repeat(121), email: "a@example.org", password: "long enough password" },
      { name: 42, email: "a@example.org", password: "long enough password" },
    ]) {
      expect(await outcome(createAdmin(null, input))).toBe("invalid");
    }
    expect(await db.user.count()).toBe(0);
    expect(await db.auditEntry.count()).toBe(0);
  });
});
