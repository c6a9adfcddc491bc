// npm test: everything CI runs, in order, stopping at the first failure.
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { CHROMIUM_CANDIDATES, findChromium } from "./lib/chromium";
import { buildCommand, buildFingerprint, buildIsFresh, clearBuildStamp, ensurePrismaClient, run, runSideBySide, writeBuildStamp, type Job, type JobResult } from "./lib/tasks";

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

// Each tier's time; tiers that ran side by side also share one line with their common time.
const timings: [string, string][] = [];
const started = Date.now();
function step(name: string, work: () => void) {
  console.log(`\n▶ ${name}`);
  const begun = Date.now();
  work();
  timings.push([name, `${((Date.now() - begun) / 1000).toFixed(1)} s`]);
}

/** Runs jobs side by side; records each one's time and their common time; throws if one failed. */
async function sideBySide(jobs: Job[], afterwards?: (results: JobResult[]) => void) {
  console.log(`\n▶ ${jobs.map((j) => j.name).join(" and ")}${jobs.length > 1 ? ", side by side" : ""}`);
  const begun = Date.now();
  const results = await runSideBySide(jobs);
  const together = jobs.length > 1 ? `   (side by side: ${((Date.now() - begun) / 1000).toFixed(1)} s)` : "";
  for (const r of results) timings.push([r.name, `${r.seconds.toFixed(1)} s${r.ok ? "" : " (failed)"}${together}`]);
  afterwards?.(results);
  const failed = results.filter((r) => !r.ok).map((r) => r.name);
  if (failed.length) throw new Error(`${failed.join(", ")} failed`);
}

/*
 * Two cores, paired so that neither idles: tsc and ESLint use one core each; the build uses
 * little more than one, and the tests fill the other. (tsc never runs beside the build: the
 * build rewrites .next/types, which tsc reads.) The build is skipped when .next holds one of
 * exactly these sources; CI, on a fresh clone, always builds.
 */
const unitAndIntegration: Job = {
  name: "unit and integration tests",
  command: process.execPath,
  args: [bin("vitest", "vitest.mjs"), "run", "--reporter=default", "--reporter=json", `--outputFile.json=${VITEST_JSON}`],
  live: true,
};

/** The report, not only the exit code: a library's exit hook once turned a failing run's code into 0. */
function vitestReportFailures(): string | null {
  if (!existsSync(VITEST_JSON)) return "no vitest report was written";
  const report = JSON.parse(readFileSync(VITEST_JSON, "utf8"));
  const failed = (report.numFailedTests ?? 0) + (report.numFailedTestSuites ?? 0);
  return failed > 0 || report.success === false ? `${report.numFailedTests ?? 0} tests and ${report.numFailedTestSuites ?? 0} files failed` : null;
}

async function testsAndBuild() {
  await buildBesideTests();
  const failures = vitestReportFailures();
  if (failures) throw new Error(`unit and integration tests failed: ${failures}`);
}

async function buildBesideTests() {
  const fingerprint = buildFingerprint();
  if (buildIsFresh(fingerprint)) {
    console.log("\nThe build is up to date with the sources: no `next build`.");
    timings.push(["production build", "skipped: up to date"]);
    return sideBySide([unitAndIntegration]);
  }
  clearBuildStamp();
  const build: Job = { name: "production build", ...buildCommand };
  // A good build is kept for next time even when a test failed.
  await sideBySide([unitAndIntegration, build], (results) => {
    if (results.find((r) => r.name === build.name)?.ok) writeBuildStamp(fingerprint);
  });
}

try {
  step("prisma generate", () => ensurePrismaClient());
  await sideBySide([
    { name: "type check", command: process.execPath, args: [bin("typescript", "bin/tsc"), "--noEmit"] },
    { name: "lint", command: process.execPath, args: [bin("eslint", "bin/eslint.js"), ".", "--max-warnings=0"] },
  ]);
  await testsAndBuild();
  step("end-to-end tests", () =>
    run(process.execPath, [bin("@playwright/test", "cli.js"), "test", "--reporter=list,json"], {
      env: { CHROMIUM_PATH: chromium, PLAYWRIGHT_JSON_OUTPUT_NAME: PLAYWRIGHT_JSON },
    }),
  );
} catch (error) {
  console.error(`\n✖ ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  console.log("\nTimings:");
  for (const [name, time] of timings) console.log(`  ${name.padEnd(28)} ${time}`);
  console.log(`  ${"total".padEnd(28)} ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const line = summary();
  if (line) console.log(`\n${line}`);
}
