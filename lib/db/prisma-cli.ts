import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);

// Prisma's CLI would try to download native engines at start; we run it on the JS engine
// (prisma.config.ts) and point the engine variables at a harmless file.
export function prismaCli(args: string[], env: Record<string, string | undefined> = {}): string {
  const cli = path.join(path.dirname(require.resolve("prisma/package.json")), "build", "index.js");
  return execFileSync(process.execPath, [cli, ...args], {
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

/** SQL that turns a database described by `from` (a schema file, or nothing) into `to`. */
export function schemaDiffSql(databaseUrl: string, from: string | null, to: string): string {
  const fromArgs = from ? ["--from-schema-datamodel", from] : ["--from-empty"];
  return prismaCli(["migrate", "diff", ...fromArgs, "--to-schema-datamodel", to, "--script"], { DATABASE_URL: databaseUrl });
}
