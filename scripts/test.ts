// npm test: everything CI runs, in order, stopping at the first failure.
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import path from "node:path";
import { CHROMIUM_CANDIDATES, findChromium } from "./lib/chromium";
import { buildCommand, buildFingerprint, buildIsFresh, clearBuildStamp, ensurePrismaClient, startJob, writeBuildStamp, type Job, type JobResult } from "./lib/tasks";

const require = createRequire(import.meta.url);
const bin = (pkg: string, file: string) => path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file);

const chromium = findChromium();
if (!chromium || !existsSync(chromium)) {
  console.error(
    `No Chromium found at ${chromium ?? CHROMIUM_CANDIDATES.join(" or ")}. The end-to-end tests need one:\n` +
      `  on Debian or Ubuntu: sudo apt-get install -y chromium-headless-shell (or chromium)\n` +
      `  or point CHROMIUM_PATH at an installed Chromium or Chrome.`,
  );
  process.exit(1);
}

const RESULTS = ".test-results";
const VITEST_JSON = `${RESULTS}/vitest.json`;
const PLAYWRIGHT_JSON = `${RESULTS}/playwright.json`;
rmSync(RESULTS, { recursive: true, force: true });
mkdirSync(RESULTS, { recursive: true });

/** One closing line over both runners: "N passed, N failed". */
function summary(): string | null {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  let any = false;
  if (existsSync(VITEST_JSON)) {
    const v = JSON.parse(readFileSync(VITEST_JSON, "utf8"));
    passed += v.numPassedTests ?? 0;
    failed += v.numFailedTests ?? 0;
    skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0);
    any = true;
  }
  if (existsSync(PLAYWRIGHT_JSON)) {
    const p = JSON.parse(readFileSync(PLAYWRIGHT_JSON, "utf8"));
    passed += (p.stats?.expected ?? 0) + (p.stats?.flaky ?? 0);
    failed += p.stats?.unexpected ?? 0;
    skipped += p.stats?.skipped ?? 0;
    any = true;
  }
  return any ? `${passed} passed, ${failed} failed, ${skipped} skipped` : null;
}

// Each tier's time, and the whole run's.
const timings: [string, string][] = [];
const started = Date.now();
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * The machine's busy processor time so far, in seconds (Linux's /proc/stat: user, nice, system,
 * irq and softirq over all cores, in the usual 100 ticks a second), null elsewhere. Beside a
 * tier's wall time it shows whether the tier waits or computes: one that keeps every core busy
 * can only get faster by doing less. Machine-wide, since a browser or a server a runner started
 * may end after the runner and never count as its child; nothing else runs in CI.
 */
function busyProcessorSeconds(): number | null {
  try {
    const [user, nice, system, , , irq, softirq] = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
    return (user + nice + system + irq + softirq) / 100;
  } catch {
    return null;
  }
}
const CORES = availableParallelism();
const processorAtStart = busyProcessorSeconds();
const startedForProcessor = Date.now();
const processorSince = (before: number | null, since: number) => {
  const now = busyProcessorSeconds();
  if (now === null || before === null) return "";
  const busy = now - before;
  return `, processor ${busy.toFixed(0)} s: ${Math.round((100 * busy) / (((Date.now() - since) / 1000) * CORES))}% of ${CORES} cores`;
};
function step(name: string, work: () => void) {
  console.log(`\n▶ ${name}`);
  const begun = Date.now();
  work();
  timings.push([name, seconds(Date.now() - begun)]);
}

// TypeScript 7, the native compiler, checks the same sources with the same rules in a third of the
// time (11 s and 21 processor-seconds against 36 s and 48, measured). TypeScript 5.9 stays the
// `typescript` package: Next's build and ESLint's parser call its JavaScript API, which 7.0 lacks.
const typeCheck: Job = { name: "type check", command: process.execPath, args: [bin("typescript7", "bin/tsc"), "--noEmit"] };
const lint: Job = { name: "lint", command: process.execPath, args: [bin("eslint", "bin/eslint.js"), ".", "--max-warnings=0"] };
const unitAndIntegration: Job = {
  name: "unit and integration tests",
  command: process.execPath,
  args: [bin("vitest", "vitest.mjs"), "run", "--reporter=default", "--reporter=json", `--outputFile.json=${VITEST_JSON}`],
  live: true,
};
// tsc checks the sources on its own (typeCheck, first): the build's check of the same sources
// was 48 of its 71 s (measured), so it is skipped here. `npm start`'s build keeps it.
const build: Job = { name: "production build", ...buildCommand, env: { ...buildCommand.env, PUENTE_TYPES_CHECKED_APART: "1" } };
const endToEnd: Job = {
  name: "end-to-end tests",
  command: process.execPath,
  args: [bin("@playwright/test", "cli.js"), "test", "--reporter=list,json"],
  env: { CHROMIUM_PATH: chromium, PLAYWRIGHT_JSON_OUTPUT_NAME: PLAYWRIGHT_JSON },
  live: true,
};

/** The report, not only the exit code: a library's exit hook once turned a failing run's code into 0. */
function vitestReportFailures(): string | null {
  if (!existsSync(VITEST_JSON)) return "no vitest report was written";
  const report = JSON.parse(readFileSync(VITEST_JSON, "utf8"));
  const failed = (report.numFailedTests ?? 0) + (report.numFailedTestSuites ?? 0);
  return failed > 0 || report.success === false ? `${report.numFailedTests ?? 0} tests and ${report.numFailedTestSuites ?? 0} files failed` : null;
}

/**
 * Runs jobs side by side and records each one's time; the first failure stops the others and
 * throws. (Only the pairs below share the two cores: the end-to-end tests beside the unit and
 * integration tests slowed both, 609 s in all became 630 s, measured; their many short round trips
 * to a database wait on a busy processor.)
 */
async function sideBySide(jobs: Job[], afterwards?: (results: JobResult[]) => void) {
  console.log(`\n▶ ${jobs.map((j) => j.name).join(" and ")}${jobs.length > 1 ? ", side by side" : ""}`);
  const begun = Date.now();
  const processorBefore = busyProcessorSeconds();
  const running = jobs.map((job) => startJob(job));
  const results = await Promise.all(
    running.map(({ result }) =>
      result.then((r) => {
        if (!r.ok && !r.stopped) for (const other of running) other.stop();
        return r;
      }),
    ),
  );
  const processor = processorSince(processorBefore, begun);
  const together = jobs.length > 1 ? `   (side by side: ${seconds(Date.now() - begun)}${processor})` : processor ? `   (${processor.slice(2)})` : "";
  for (const r of results) timings.push([r.name, `${r.stopped ? "stopped" : seconds(r.seconds * 1000)}${r.ok || r.stopped ? "" : " (failed)"}${together}`]);
  afterwards?.(results);
  const failed = results.filter((r) => !r.ok && !r.stopped).map((r) => r.name);
  if (failed.length) throw new Error(`${failed.join(", ")} failed`);
}

/*
 * Two cores, paired so that neither idles: tsc and ESLint use one core each; the build uses
 * little more than one, and the tests fill the other. (tsc never runs beside the build: the
 * build rewrites .next/types, which tsc reads.) The build is skipped when .next holds one of
 * exactly these sources; CI, on a fresh clone, always builds.
 */
async function testsAndBuild() {
  const fingerprint = buildFingerprint();
  if (buildIsFresh(fingerprint)) {
    console.log("\nThe build is up to date with the sources: no `next build`.");
    timings.push([build.name, "skipped: up to date"]);
    await sideBySide([unitAndIntegration]);
  } else {
    clearBuildStamp();
    // A good build is kept for next time even when a test failed.
    await sideBySide([unitAndIntegration, build], (results) => {
      if (results.find((r) => r.name === build.name)?.ok) writeBuildStamp(fingerprint);
    });
  }
  const failures = vitestReportFailures();
  if (failures) throw new Error(`unit and integration tests failed: ${failures}`);
}

try {
  step("prisma generate", () => ensurePrismaClient());
  await sideBySide([typeCheck, lint]);
  await testsAndBuild();
  await sideBySide([endToEnd]);
} catch (error) {
  console.error(`\n✖ ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  console.log("\nTimings:");
  for (const [name, time] of timings) console.log(`  ${name.padEnd(28)} ${time}`);
  const processor = processorSince(processorAtStart, startedForProcessor);
  console.log(`  ${"total".padEnd(28)} ${seconds(Date.now() - started)}${processor ? `   (${processor.slice(2)})` : ""}`);
  const line = summary();
  if (line) console.log(`\n${line}`);
}
