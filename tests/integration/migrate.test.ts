import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { applyMigrations, MigrationChecksumError } from "@/lib/db/migrate";

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

async function query<T extends pg.QueryResultRow>(sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
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
  beforeAll(async () => {
    await adminQuery("DROP DATABASE IF EXISTS migrate_runner");
    await adminQuery("CREATE DATABASE migrate_runner");
  });
  afterAll(() => adminQuery("DROP DATABASE IF EXISTS migrate_runner"));

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
