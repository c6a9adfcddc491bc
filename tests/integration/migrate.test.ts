import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import type { Gender } from "@/lib/generated/prisma/enums";
import { applyMigrations, listMigrationFiles, MigrationChecksumError } from "@/lib/db/migrate";
import { computeBalance, NO_EARLIER_SPEAKERS, slateMember } from "@/lib/nominations/balance";

const adminUrl = inject("pgAdminUrl");
const url = adminUrl.replace(/\/postgres$/, "/migrate_runner");

async function adminQuery(sql: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** An empty database of this name for the describe block it is called in; returns its address. */
function emptyDatabase(name: string) {
  beforeAll(async () => {
    await adminQuery(`DROP DATABASE IF EXISTS ${name}`);
    await adminQuery(`CREATE DATABASE ${name}`);
  });
  afterAll(() => adminQuery(`DROP DATABASE IF EXISTS ${name}`));
  return adminUrl.replace(/\/postgres$/, `/${name}`);
}

async function query<T extends pg.QueryResultRow>(sql: string, values: unknown[] = [], databaseUrl = url) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

async function migrationsDir(files: Record<string, string>) {
  const dir = await mkdtemp(path.join(os.tmpdir(), "puente-migrations-"));
  for (const [name, sql] of Object.entries(files)) {
    await mkdir(path.join(dir, name));
    await writeFile(path.join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

describe("migration runner", () => {
  emptyDatabase("migrate_runner");

  it("applies pending files once, in order, with Prisma's bookkeeping", async () => {
    const dir = await migrationsDir({
      "001_a": "CREATE TABLE a (id int);",
      "002_b": "CREATE TABLE b (id int);",
    });
    expect((await applyMigrations(url, { dir })).applied).toEqual(["001_a", "002_b"]);
    expect((await applyMigrations(url, { dir })).applied).toEqual([]);
    const rows = await query<{ migration_name: string; finished_at: Date | null }>(
      `SELECT migration_name, finished_at FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((r) => r.migration_name)).toEqual(["001_a", "002_b"]);
    expect(rows.every((r) => r.finished_at)).toBe(true);
  });

  it("refuses to start when an applied file was changed", async () => {
    const dir = await migrationsDir({ "001_a": "CREATE TABLE a (id bigint);", "002_b": "CREATE TABLE b (id int);" });
    await expect(applyMigrations(url, { dir })).rejects.toBeInstanceOf(MigrationChecksumError);
  });

  it("rolls a failing file back whole and records nothing for it", async () => {
    const dir = await migrationsDir({
      "001_a": "CREATE TABLE a (id int);",
      "002_b": "CREATE TABLE b (id int);",
      "003_bad": "CREATE TABLE c (id int); SELECT * FROM no_such_table;",
    });
    await expect(applyMigrations(url, { dir })).rejects.toThrow(/003_bad/);
    expect(await query(`SELECT 1 FROM pg_tables WHERE tablename = 'c'`)).toHaveLength(0);
    expect(await query(`SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '003_bad'`)).toHaveLength(0);
  });

  it("lets two servers start at once: the advisory lock makes one apply and the other find nothing", async () => {
    const dir = await migrationsDir({
      "001_a": "CREATE TABLE a (id int);",
      "002_b": "CREATE TABLE b (id int);",
      "004_d": "SELECT pg_sleep(0.3); CREATE TABLE d (id int);",
    });
    const [first, second] = await Promise.all([applyMigrations(url, { dir }), applyMigrations(url, { dir })]);
    expect([...first.applied, ...second.applied]).toEqual(["004_d"]);
  });
});

// Issue 16: several app servers start together on an empty database, each running every real migration.
describe("three servers starting at once on an empty database", () => {
  const togetherUrl = emptyDatabase("migrate_together");

  it("apply every migration exactly once, and none fails", async () => {
    const files = await listMigrationFiles();
    const waiting: number[] = [];
    const outcomes = await Promise.allSettled(
      [0, 1, 2].map((server) => applyMigrations(togetherUrl, { log: (line) => line.startsWith("waiting") && waiting.push(server) })),
    );
    const failures = outcomes.flatMap((o) => (o.status === "rejected" ? [String(o.reason)] : []));
    expect(failures).toEqual([]);
    const results = outcomes.flatMap((o) => (o.status === "fulfilled" ? [o.value] : []));
    // They really overlapped: at least one came while another held the lock (it said so) and waited.
    expect(waiting.length).toBeGreaterThan(0);
    expect(results.filter((r) => r.waited)).toHaveLength(waiting.length);
    // One applied them all; the others found them all done.
    expect(results.map((r) => r.applied.length).sort((a, b) => a - b)).toEqual([0, 0, files.length]);
    expect(results.filter((r) => !r.applied.length).map((r) => r.alreadyApplied)).toEqual([files.length, files.length]);
    expect(results.flatMap((r) => r.applied)).toEqual(files.map((f) => f.name));

    const rows = await query<{ migration_name: string; times: number; finished: number }>(
      `SELECT migration_name, count(*)::int AS times, count(finished_at)::int AS finished
       FROM "_prisma_migrations" GROUP BY migration_name ORDER BY migration_name`,
      [],
      togetherUrl,
    );
    expect(rows).toEqual(files.map((f) => ({ migration_name: f.name, times: 1, finished: 1 })));
  });
});

// The migration that turns typed gender into the fixed choices, run against rows typed before it.
const GENDER_MIGRATION = "20261203165712_gender_choices_version_note";

describe("the gender migration", () => {
  const genderUrl = emptyDatabase("migrate_gender");

  it("maps what was typed in any of the four languages to the choices, and keeps anything else as a description", async () => {
    // The real migrations before it, copied as they are (same checksums), then the rest from the real directory.
    const earlier = (await listMigrationFiles()).filter((f) => f.name < GENDER_MIGRATION);
    const before = await applyMigrations(genderUrl, { dir: await migrationsDir(Object.fromEntries(earlier.map((f) => [f.name, f.sql]))) });
    expect(before.applied).toEqual(earlier.map((f) => f.name));

    const typed = ["mujer", "Mulher ", "FEMME", "homme", "man", "no binario", "mujer trans", "  ", null];
    const [session] = await query<{ id: string }>(
      `INSERT INTO "ReviewSession" (id, title, description, "startsAt", "endsAt", "timeZone", format, "workingLanguages", interpretation, objectives, "panelistSeats", "updatedAt")
       VALUES (gen_random_uuid(), '{"es":"Sesión"}', '{"es":"Descripción"}', now(), now() + interval '2 hours', 'America/Panama', 'VIRTUAL', '{es}', '{}', '{1}', 3, now())
       RETURNING id`,
      [],
      genderUrl,
    );
    for (const [i, gender] of typed.entries()) {
      await query(
        `INSERT INTO "Nomination" (id, "sessionId", role, "nomineeName", "nomineeEmail", "nomineeCountry", "nomineeGender", languages, rationale, "updatedAt")
         VALUES (gen_random_uuid(), $1, 'PANELIST', $2, $3, 'CO', $4, '{es}', 'Razón.', now())`,
        [session.id, `Persona ${i}`, `persona-${i}@example.test`, gender],
        genderUrl,
      );
    }

    expect((await applyMigrations(genderUrl)).applied[0]).toBe(GENDER_MIGRATION);
    const rows = await query<{ nomineeName: string; nomineeGender: Gender | null; nomineeGenderDescription: string | null }>(
      `SELECT "nomineeName", "nomineeGender", "nomineeGenderDescription" FROM "Nomination" ORDER BY "nomineeName"`,
      [],
      genderUrl,
    );
    expect(rows.map((r) => [r.nomineeGender, r.nomineeGenderDescription])).toEqual([
      ["WOMAN", null],
      ["WOMAN", null],
      ["WOMAN", null],
      ["MAN", null],
      ["MAN", null],
      ["NON_BINARY", null],
      ["ANOTHER", "mujer trans"],
      // Blank or nothing typed stays "not stated".
      [null, null],
      [null, null],
    ]);

    // The example: "mujer", "Mulher " and "FEMME" are three women, not three genders.
    const people = rows.map((r) =>
      slateMember({ ...r, nomineeUserId: null, nomineeEmail: r.nomineeName, nomineeCountry: "CO", languages: ["es"], nomineeOrganization: null }, NO_EARLIER_SPEAKERS),
    );
    expect(computeBalance(people, 9).gender).toEqual({ WOMAN: 3, MAN: 2, NON_BINARY: 1, ANOTHER: 1, PREFERS_NOT_TO_SAY: 0, NOT_STATED: 2 });
  });
});
