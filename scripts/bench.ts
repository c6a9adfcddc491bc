// npm run bench [-- --duration 5 --servers 2 --quick --port 3400 --only proposals --keep]
// Builds if the sources changed, loads the bench data (prisma/seed/bench.ts) into a throwaway
// embedded PostgreSQL, starts the production server (scripts/server.ts, as `npm start` does) and
// measures each public page with autocannon beside a static file, then three pages signed in as
// an organization admin. Prints a table; writes bench-results/<time>.json. See README "Measuring speed".
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream } from "node:fs";
import { chmod, mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import pg from "pg";
import "./lib/exit-with-parent.mjs";
import { findFreePort, startEmbeddedPostgres } from "../lib/db/embedded";
import { applyMigrations } from "../lib/db/migrate";
import { BENCH_ACCOUNT, BENCH_SEED, QUICK_BENCH_SEED, seedBench } from "../prisma/seed/bench";
import { benchJson, formatTable, parseBenchArgs, resultsFileName, scriptSources, verdicts, type BenchRun, type PageFigures } from "./lib/bench-format";
import { ensureBuild, ensurePrismaClient, SERVER_NODE_ARGS, waitForHttp } from "./lib/tasks";

const args = process.argv.slice(2);
if (args[0] === "bench") args.shift();
const options = (() => {
  try {
    return parseBenchArgs(args);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
})();
const startedAt = new Date();
const exitWithParent = `--import=${pathToFileURL(path.resolve("scripts/lib/exit-with-parent.mjs")).href}`;
process.env.NODE_OPTIONS = [process.env.NODE_OPTIONS, exitWithParent].filter(Boolean).join(" ");

// Statements per request come from pg_stat_statements: every statement any connection runs,
// counted by the server as it finishes, whichever client (Prisma, pg, a raw query) sent it.
// BEGIN/COMMIT are not counted (track_utility off): a transaction of three queries counts 3.
// The job queue's own polling (schema pgboss) runs whatever the requests and is left out.
const SQL_COUNTING = "pg_stat_statements (loaded at start, track_utility off, the job queue's polling left out): statements per request over 5 sequential requests after 2 warm-ups";
const SAMPLE = 5;
const MONITORING_KEY = Buffer.alloc(32, 7).toString("base64");

ensurePrismaClient();
ensureBuild();

const dir = await mkdtemp(path.join(os.tmpdir(), "puente-bench-"));
await chmod(dir, 0o755);
console.log("Starting a throwaway PostgreSQL…");
const database = await startEmbeddedPostgres({
  dataDir: path.join(dir, "pg"),
  persistent: false,
  quiet: true,
  settings: { shared_preload_libraries: "pg_stat_statements", "pg_stat_statements.track_utility": "off" },
});
const servers: ChildProcess[] = [];
let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  for (const server of servers) server.kill("SIGTERM");
  await database.stop().catch(() => {});
  process.exit(code);
}
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void stop(1));

async function main() {
  await applyMigrations(database.url);
  Object.assign(process.env, { DATABASE_URL: database.url, MONITORING_KEY });
  const size = options.quick ? QUICK_BENCH_SEED : BENCH_SEED;
  console.log(`Loading the ${options.quick ? "quick" : "large"} data set…`);
  const seedStarted = performance.now();
  const data = await seedBench(database.url, size, (label, seconds) => console.log(`  ${label}: ${seconds.toFixed(1)} s`));
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  console.log(`Loaded in ${seedSeconds.toFixed(1)} s: ${Object.entries(data).map(([k, v]) => `${v} ${k}`).join(", ")}`);
  const { db } = await import("../lib/db/client");
  const targets = await pickTargets(db);
  await db.$disconnect();

  const sql = new pg.Client({ connectionString: database.url });
  await sql.connect();
  await sql.query("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");

  const firstPort = options.port ?? (await findFreePort());
  const bases: string[] = [];
  for (let i = 0; i < options.servers; i++) {
    const port = options.port ? firstPort + i : i === 0 ? firstPort : await findFreePort();
    bases.push(await startServer(port));
  }
  console.log(`${bases.length === 1 ? "Server" : "Servers"} ready: ${bases.join(", ")}. ${options.duration} s per page, ${options.connections} connections${bases.length > 1 ? ` spread over ${bases.length} servers` : ""}.\n`);

  if (options.keep) {
    // For profiling: the loaded data and the server stay up until Ctrl-C.
    console.log(`Kept running (--keep): DATABASE_URL=${database.url}; stop with Ctrl-C.`);
    await new Promise(() => {});
  }
  const loadBefore = os.loadavg()[0];
  if (loadBefore > os.cpus().length) console.log(`Note: the machine is busy (load ${loadBefore.toFixed(1)} on ${os.cpus().length} cores); the figures will be lower than on an idle one.`);
  const jsSizes = new Map<string, number>();
  const measure = (page: PageSpec, cookie?: string) => measurePage(page, bases, sql, jsSizes, cookie);

  const staticFile = await measure({ name: "static file (/robots.txt)", path: "/robots.txt" });
  const only = (page: PageSpec) => !options.only || page.name.includes(options.only) || page.path.includes(options.only);
  const pages: PageFigures[] = [];
  for (const page of publicPages(targets).filter(only)) pages.push(await measure(page));
  console.log("\nSigning in as the bench's organization admin…");
  const cookie = await signIn(bases[0]);
  const signedIn: PageFigures[] = [];
  for (const page of SIGNED_IN.filter(only)) signedIn.push(await measure(page, cookie));
  // The static file again at the end: on a shared machine the load changes during the run, so
  // each ratio is to the mean of the two.
  const staticAfter = await measure({ name: "static file (/robots.txt), again", path: "/robots.txt" });
  await sql.end();
  const staticRate = ((staticFile.requestsPerSecond ?? 0) + (staticAfter.requestsPerSecond ?? 0)) / 2 || 1;
  for (const page of [...pages, ...signedIn]) if (page.requestsPerSecond !== undefined) page.ratioToStatic = page.requestsPerSecond / staticRate;
  const cpus = os.cpus();
  const run: BenchRun = {
    startedAt: startedAt.toISOString(),
    machine: {
      cpus: cpus.length,
      cpuModel: cpus[0]?.model ?? "unknown",
      memoryGb: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
      loadAverage: [loadBefore, os.loadavg()[0]],
    },
    options,
    data,
    seedSeconds,
    sqlCounting: SQL_COUNTING,
    static: [staticFile, staticAfter],
    pages,
    signedIn,
  };
  console.log(
    `\nPuente bench, ${run.startedAt.slice(0, 16).replace("T", " ")} UTC, ${run.machine.cpus} × ${run.machine.cpuModel}, load ${run.machine.loadAverage.map((n) => n.toFixed(1)).join(" → ")}, ` +
      `${options.servers} server(s), ${options.connections} connections, ${options.duration} s per page${options.quick ? ", quick data set" : ""}`,
  );
  const staticLine = (figures: PageFigures) => `${figures.requestsPerSecond?.toFixed(0)} req/s (p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms)`;
  console.log(`Static file (${staticFile.path}): ${staticLine(staticFile)} first, ${staticLine(staticAfter)} last; ratios are to the mean, ${staticRate.toFixed(0)} req/s\n`);
  console.log("Public pages, anonymous:");
  console.log(formatTable(pages));
  console.log("\nSigned in as an organization admin:");
  console.log(formatTable(signedIn));
  const measured = pages.filter((page) => !page.skipped);
  const count = (test: (page: PageFigures) => boolean | null) => measured.filter(test).length;
  console.log(
    `\nGoals (issue 16): first-load JS ≤ 100 KB gzipped on ${count((p) => verdicts(p).js === true)}/${measured.length} public pages; ` +
      `≥ 0.5 × static with p99 ≤ 100 ms on ${count((p) => verdicts(p).speed === true)}/${measured.length}; ` +
      `list HTML ≤ 60 KB on ${count((p) => verdicts(p).html === true)}/${count((p) => verdicts(p).html !== null)}.`,
  );
  await mkdir("bench-results", { recursive: true });
  const file = path.join("bench-results", resultsFileName(startedAt));
  await writeFile(file, benchJson(run));
  console.log(`Figures written to ${file}`);
}

type PageSpec = { name: string; path: string; list?: boolean };
type Targets = { proposalId?: string; sessionId?: string; organizationSlug?: string; versionNumber?: number; compare?: [number, number]; initiativeId?: string };

async function pickTargets(db: (typeof import("../lib/db/client"))["db"]): Promise<Targets> {
  const [proposal, session, versions, initiative] = await Promise.all([
    // An answered proposal with the most co-sponsors: the fullest proposal page.
    db.proposal.findFirst({ where: { status: { in: ["ACCEPTED", "INCORPORATED"] }, organization: { status: "VERIFIED" } }, orderBy: [{ cosponsorCount: "desc" }, { id: "asc" }], select: { id: true } }),
    db.reviewSession.findFirst({ where: { status: "REPORT_PUBLISHED" }, orderBy: { startsAt: "desc" }, select: { id: true } }),
    db.reportVersion.findMany({ where: { status: { in: ["SUPERSEDED", "OPEN", "CLOSED", "FINAL"] } }, orderBy: { number: "desc" }, take: 2, select: { number: true } }),
    db.commitment.findFirst({ select: { id: true } }),
  ]);
  return {
    proposalId: proposal?.id,
    sessionId: session?.id,
    organizationSlug: BENCH_ACCOUNT.organizationSlug,
    versionNumber: versions[0]?.number,
    compare: versions.length === 2 ? [versions[1].number, versions[0].number] : undefined,
    initiativeId: initiative?.id,
  };
}

/** Issue 16's public pages, in its order; a page without data to show is skipped with a note. */
function publicPages(t: Targets): (PageSpec & { missing?: string })[] {
  return [
    { name: "home", path: "/es" },
    { name: "proposals", path: "/es/proposals", list: true },
    { name: "proposals: search", path: "/es/proposals?q=migracion+trabajo", list: true },
    { name: "proposals: search + filters", path: "/es/proposals?q=migracion&objective=7&subregion=MEXICO_CENTRAL_AMERICA", list: true },
    { name: "proposals: page 400", path: "/es/proposals?page=400", list: true },
    { name: "a proposal", path: `/es/proposals/${t.proposalId}`, missing: t.proposalId ? undefined : "no answered proposal" },
    { name: "objectives coverage", path: "/es/proposals/objectives" },
    { name: "sessions", path: "/es/sessions", list: true },
    { name: "a session", path: `/es/sessions/${t.sessionId}`, missing: t.sessionId ? undefined : "no session" },
    { name: "report", path: "/es/report" },
    { name: "a report version", path: `/es/report/versions/${t.versionNumber}`, missing: t.versionNumber ? undefined : "no public version" },
    { name: "compare versions", path: `/es/report/compare?from=${t.compare?.[0]}&to=${t.compare?.[1]}`, missing: t.compare ? undefined : "fewer than two versions" },
    { name: "transparency", path: "/es/transparency", list: true },
    { name: "organizations", path: "/es/organizations", list: true },
    { name: "an organization", path: `/es/organizations/${t.organizationSlug}` },
    { name: "champions", path: "/es/champions", list: true },
    { name: "a champion initiative", path: `/es/champions/initiatives/${t.initiativeId}`, missing: t.initiativeId ? undefined : "no initiative" },
    { name: "monitoring", path: "/es/monitoring" },
    { name: "dialogue", path: "/es/dialogue" },
    { name: "dialogue questions", path: "/es/dialogue/questions", list: true },
    { name: "consultations", path: "/es/dialogue/consultations", list: true },
    { name: "open data", path: "/es/open-data" },
    { name: "/api/health (one query)", path: "/api/health" },
  ];
}

const SIGNED_IN: PageSpec[] = [
  { name: "dashboard (signed in)", path: "/es/dashboard" },
  { name: "proposals (signed in)", path: "/es/proposals", list: true },
  { name: "home (signed in)", path: "/es" },
];

async function startServer(port: number): Promise<string> {
  const log = createWriteStream(path.join(dir, `server-${port}.log`));
  const server = spawn(process.execPath, [...SERVER_NODE_ARGS, "-p", String(port)], {
    stdio: ["ignore", "pipe", "pipe"],
    // As `npm start` runs it on its local database.
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      AUTH_SECRET: "bench-secret-0123456789-abcdefghijklmnopqrstuvwxyz",
      MONITORING_KEY,
      NEXT_TELEMETRY_DISABLED: "1",
      PUENTE_LOCAL: "1",
    },
  });
  server.stdout?.pipe(log);
  server.stderr?.pipe(log);
  server.on("exit", (code) => {
    if (stopping) return;
    console.error(`The server on port ${port} stopped (${code}). Its output: ${path.join(dir, `server-${port}.log`)}`);
    void readFile(path.join(dir, `server-${port}.log`), "utf8").then((text) => console.error(text.slice(-4000)), () => {}).finally(() => stop(1));
  });
  servers.push(server);
  const base = `http://127.0.0.1:${port}`;
  await waitForHttp(`${base}/api/health`, 120_000);
  return base;
}

async function get(url: string, cookie?: string) {
  const response = await fetch(url, { redirect: "manual", headers: cookie ? { cookie } : {} });
  return { status: response.status, body: Buffer.from(await response.arrayBuffer()) };
}

async function statementCount(sql: pg.Client): Promise<number> {
  const result = await sql.query<{ n: string }>(
    `SELECT coalesce(sum(calls), 0) AS n FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
     WHERE d.datname = current_database() AND s.query NOT ILIKE '%pg_stat_statements%' AND s.query NOT ILIKE '%pgboss.%'`,
  );
  return Number(result.rows[0].n);
}

async function measurePage(page: PageSpec & { missing?: string }, bases: string[], sql: pg.Client, jsSizes: Map<string, number>, cookie?: string): Promise<PageFigures> {
  const figures: PageFigures = { name: page.name, path: page.path, list: page.list };
  if (page.missing) return { ...figures, skipped: page.missing };
  const url = bases[0] + page.path;
  let first = await get(url, cookie);
  if (first.status === 404) {
    console.log(`  ${page.name}: skipped, ${page.path} answers 404 (no such route on this branch)`);
    return { ...figures, skipped: "404, no such route" };
  }
  // Warm every server (its first request of a page loads the page's code), then count statements.
  for (const base of bases) first = await get(base + page.path, cookie);
  await sql.query("SELECT pg_stat_statements_reset()");
  let last = first;
  const times: number[] = [];
  for (let i = 0; i < SAMPLE; i++) {
    const started = performance.now();
    last = await get(url, cookie);
    times.push(performance.now() - started);
  }
  figures.sequentialMs = Math.round(times.sort((a, b) => a - b)[Math.floor(SAMPLE / 2)]);
  figures.sqlPerRequest = (await statementCount(sql)) / SAMPLE;
  figures.status = last.status;
  figures.htmlBytes = last.body.length;
  figures.htmlGzipBytes = gzipSync(last.body).length;
  if (/^text\/html|<html/i.test(last.body.subarray(0, 200).toString("utf8"))) {
    const sources = scriptSources(last.body.toString("utf8"), url);
    let total = 0;
    for (const source of sources) {
      if (!jsSizes.has(source)) jsSizes.set(source, gzipSync((await get(source)).body).length);
      total += jsSizes.get(source) ?? 0;
    }
    figures.jsGzipBytes = total;
    figures.scripts = sources.length;
  }
  Object.assign(figures, await load(page.path, bases, cookie));
  const ratio = figures.requestsPerSecond?.toFixed(1);
  console.log(`  ${page.name.padEnd(30)} ${ratio?.padStart(7)} req/s  p50 ${figures.p50Ms ?? "–"} ms  p99 ${figures.p99Ms ?? "–"} ms  alone ${figures.sequentialMs} ms  ${figures.sqlPerRequest?.toFixed(1)} SQL/req  status ${figures.status}`);
  return figures;
}

/**
 * autocannon at the chosen connections for the chosen seconds. Across two servers: one
 * autocannon per server at the same time, the connections split between them; req/s, errors
 * and non-2xx add up, p50 is the request-weighted mean of the two, p99 the worse of the two.
 */
async function load(pagePath: string, bases: string[], cookie?: string) {
  const results = await Promise.all(
    bases.map((base, i) => {
      const connections = Math.floor(options.connections / bases.length) + (i < options.connections % bases.length ? 1 : 0);
      return autocannon({ url: base + pagePath, connections, duration: options.duration, headers: cookie ? { cookie } : {} });
    }),
  );
  const total = results.reduce((sum, r) => sum + r.requests.total, 0);
  // Not one response within the run: no latency to report (the table shows none, the goal is missed).
  const latency = total === 0 ? {} : {
    p50Ms: Math.round(results.reduce((sum, r) => sum + r.latency.p50 * r.requests.total, 0) / total),
    p99Ms: Math.max(...results.map((r) => r.latency.p99)),
  };
  return {
    ...latency,
    // Completed requests over the run's seconds: autocannon's per-second average reads 0 when a
    // request takes longer than a second.
    requestsPerSecond: results.reduce((sum, r) => sum + r.requests.total / r.duration, 0),
    errors: results.reduce((sum, r) => sum + r.errors, 0),
    non2xx: results.reduce((sum, r) => sum + r.non2xx, 0),
  };
}

/** Signs in through next-auth's credentials endpoint, as a browser would; returns the Cookie header. */
async function signIn(base: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = csrf.headers.getSetCookie().map((cookie) => cookie.split(";")[0]);
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, email: BENCH_ACCOUNT.email, password: BENCH_ACCOUNT.password, json: "true", callbackUrl: `${base}/es/dashboard` }),
  });
  const session = response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]).find((cookie) => cookie.includes("session-token="));
  if (!session) throw new Error(`Signing in as ${BENCH_ACCOUNT.email} failed (${response.status}).`);
  return session;
}

// Last: main() reads the constants above.
try {
  await main();
  await stop(0);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await stop(1);
}
