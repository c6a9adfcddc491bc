import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";

const require = createRequire(import.meta.url);

const cliOf = (pkg: string) => path.join(path.dirname(require.resolve(`${pkg}/package.json`)), "build", "index.js");

// Both CLIs would fetch the native engines at start (even to generate, which needs none), and
// our machines reach no download host: point the engine variables at a harmless file.
function runCli(pkg: string, args: string[], env: Record<string, string | undefined> = {}): string {
  return execFileSync(process.execPath, [cliOf(pkg), ...args], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      PRISMA_SCHEMA_ENGINE_BINARY: process.execPath,
      PRISMA_QUERY_ENGINE_LIBRARY: process.execPath,
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
      CHECKPOINT_DISABLE: "1",
      ...env,
    },
  });
}

/** Prisma's CLI (prisma.config.ts): `generate`. */
export const prismaCli = (args: string[], env: Record<string, string | undefined> = {}) => runCli("prisma", args, env);

/**
 * SQL that turns a database described by `from` (a schema file, or nothing) into `to`.
 *
 * Prisma 7's `migrate diff` runs a native schema engine that its CLI downloads at first use, and
 * our machines reach no download host. Prisma 6.19's CLI (the `prisma-6-diff` alias) carries the
 * same engine as WebAssembly, chosen when its config names a driver adapter
 * (prisma/diff.config.ts); it still wants a database to talk to, even for two files.
 */
export function schemaDiffSql(databaseUrl: string, from: string | null, to: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "puente-schema-diff-"));
  try {
    const fromArgs = from ? ["--from-schema-datamodel", withDatasourceUrl(from, path.join(dir, "from.prisma"))] : ["--from-empty"];
    const toArgs = ["--to-schema-datamodel", withDatasourceUrl(to, path.join(dir, "to.prisma"))];
    return runCli("prisma-6-diff", ["migrate", "diff", "--config", path.join("prisma", "diff.config.ts"), ...fromArgs, ...toArgs, "--script"], { DATABASE_URL: databaseUrl });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A copy of the schema whose datasource names a URL, which Prisma 6 requires and Prisma 7 refuses. */
function withDatasourceUrl(schemaFile: string, copy: string): string {
  const schema = readFileSync(schemaFile, "utf8");
  const datasource = /datasource\s+\w+\s*\{[^}]*\}/.exec(schema);
  if (!datasource) throw new Error(`${schemaFile} has no datasource block`);
  if (/\burl\s*=/.test(datasource[0])) return schemaFile;
  writeFileSync(copy, schema.replace(datasource[0], datasource[0].replace(/\}$/, '  url = env("DATABASE_URL")\n}')));
  return copy;
}
