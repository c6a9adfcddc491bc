// npm run db:migration -- <name>
// Writes prisma/migrations/<timestamp>_<name>/migration.sql with the SQL that turns the
// schema of the last migration (prisma/migrations/schema.snapshot.prisma) into schema.prisma.
import { existsSync } from "node:fs";
import { copyFile, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { startEmbeddedPostgres } from "../lib/db/embedded";
import { schemaDiffSql } from "../lib/db/prisma-cli";

const name = (process.argv[2] ?? "").toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "");
if (!name) {
  console.error("Usage: npm run db:migration -- <name>");
  process.exit(1);
}
const snapshot = path.join("prisma", "migrations", "schema.snapshot.prisma");
const schema = path.join("prisma", "schema.prisma");
// The CLI wants a database to talk to, even for a diff between two files.
const db = await startEmbeddedPostgres({ dataDir: path.join(".data", "tmp-migration-pg"), persistent: false, quiet: true });
try {
  const sql = schemaDiffSql(db.url, existsSync(snapshot) ? snapshot : null, schema);
  if (!/\b(CREATE|ALTER|DROP)\b/.test(sql)) {
    console.log("schema.prisma has no changes since the last migration.");
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join("prisma", "migrations", `${stamp}_${name}`);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, "migration.sql"), sql);
    await copyFile(schema, snapshot);
    console.log(`Wrote ${dir}/migration.sql. Review it, add hand-written SQL (triggers, extensions) if needed, and commit.`);
  }
} finally {
  await db.stop();
}
