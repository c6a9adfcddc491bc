import { chmod, mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "../../lib/db/embedded";
import { applyMigrations } from "../../lib/db/migrate";

let database: EmbeddedDatabase | undefined;

// A throwaway PostgreSQL for the whole run, built from the migrations.
export async function setup(project: TestProject) {
  const dir = await mkdtemp(path.join(os.tmpdir(), "puente-test-"));
  // As root, PostgreSQL runs as its own system user, which must reach the folder.
  await chmod(dir, 0o755);
  database = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), persistent: false, quiet: true });
  await applyMigrations(database.url);
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
