import { beforeAll, describe, expect, it } from "vitest";
import { isCommand, type Command } from "@/lib/commands/run";
import { db } from "@/lib/db/client";
import { findActiveApiKey, hashApiKey } from "@/lib/open-data/api-keys";
import * as openData from "@/lib/open-data/commands";
import { listApiKeys } from "@/lib/open-data/queries";
import { buildWorld, resetDatabase, type RoleName } from "../helpers/factories";
import { outcome, type Outcome } from "../helpers/outcomes";

// Partners' API keys: every command × every role (admins only), shown once and stored as a hash,
// revocable once, each change in the (private) audit log without the key.

const ROLES: RoleName[] = ["visitor", "participant", "orgMember", "orgAdmin", "otherOrgMember", "committee", "staff", "admin"];
let world: Awaited<ReturnType<typeof buildWorld>>;

const keyRow = () => db.apiKey.create({ data: { partner: "Fixture partner", prefix: "pk_fixture", hash: hashApiKey(`pk_${Math.random()}`) } });

const INPUTS: Record<keyof typeof openData, () => Promise<unknown>> = {
  createApiKey: async () => ({ partner: "IOM data team" }),
  revokeApiKey: async () => ({ keyId: (await keyRow()).id }),
};

beforeAll(async () => {
  await resetDatabase();
  world = await buildWorld();
});

describe("API key commands", () => {
  it("are all built by defineCommand", () => {
    expect(Object.keys(openData).sort()).toEqual(Object.keys(INPUTS).sort());
    for (const value of Object.values(openData)) expect(isCommand(value)).toBe(true);
  });

  for (const [name, command] of Object.entries(openData) as [keyof typeof openData, Command<unknown>][]) {
    it(`${name}: allowed to admins only`, async () => {
      const table: Record<string, Outcome> = {};
      const expected: Record<string, Outcome> = {};
      for (const role of ROLES) {
        table[role] = await outcome(command(world.actors[role], await INPUTS[name]()));
        expected[role] = role === "admin" ? "ok" : role === "visitor" ? "unauthenticated" : "forbidden";
      }
      expect(table).toEqual(expected);
    });
  }

  it("returns the key once and keeps only its hash and first characters; the audit entry names the partner, never the key", async () => {
    const made = await openData.createApiKey(world.actors.admin, { partner: "ECLAC statistics" });
    expect(made.key).toMatch(/^pk_[A-Za-z0-9_-]{43}$/);
    const row = await db.apiKey.findUniqueOrThrow({ where: { id: made.id } });
    expect(row).toMatchObject({ partner: "ECLAC statistics", hash: hashApiKey(made.key), prefix: made.key.slice(0, 10), revokedAt: null });
    expect(JSON.stringify(row)).not.toContain(made.key);
    expect(await findActiveApiKey(made.key)).toBe(made.id);
    const entry = await db.auditEntry.findFirstOrThrow({ where: { action: "api_key.created", entityId: made.id } });
    expect(entry).toMatchObject({ isPublic: false, actorId: world.users.admin.id, data: { partner: "ECLAC statistics" } });
    expect(JSON.stringify(await db.auditEntry.findMany({ select: { data: true } }))).not.toContain(made.key);
    const listed = await listApiKeys(world.actors.admin);
    expect(JSON.stringify(listed)).not.toContain(row.hash);
    expect(await listApiKeys(world.actors.staff)).toBeNull();
  });

  it("revokes once: the key stops working, and revoking again is a conflict", async () => {
    const made = await openData.createApiKey(world.actors.admin, { partner: "IOM" });
    await openData.revokeApiKey(world.actors.admin, { keyId: made.id });
    expect(await findActiveApiKey(made.key)).toBeNull();
    expect(await outcome(openData.revokeApiKey(world.actors.admin, { keyId: made.id }))).toBe("conflict");
    expect(await db.auditEntry.count({ where: { action: "api_key.revoked", entityId: made.id } })).toBe(1);
  });

  it("revoked by two admins at once, is revoked once", async () => {
    const made = await openData.createApiKey(world.actors.admin, { partner: "Race" });
    const results = await Promise.all(Array.from({ length: 5 }, () => outcome(openData.revokeApiKey(world.actors.admin, { keyId: made.id }))));
    expect(results.filter((r) => r === "ok").length).toBeGreaterThanOrEqual(1);
    expect(await db.auditEntry.count({ where: { action: "api_key.revoked", entityId: made.id } })).toBe(1);
  });

  it("refuses an empty partner and keeps the partner's words short", async () => {
    expect(await outcome(openData.createApiKey(world.actors.admin, { partner: " " }))).toBe("invalid");
    expect(await outcome(openData.createApiKey(world.actors.admin, { partner: "x".repeat(121) }))).toBe("invalid");
  });
});
