// npm test: everything CI runs, in order, stopping at the first failure.
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { buildCommand, buildFingerprint, buildIsFresh, clearBuildStamp, ensurePrismaClient, run, runSideBySide, writeBuildStamp, type Job } from "./lib/tasks";

const require = createRequire(import.meta.url);
const bin = (pkg: string, file: string) => path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file);

const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
if (!existsSync(chromium)) {
  console.error(
    `No Chromium found at ${chromium}. The end-to-end tests need one:\n` +
      `  on Debian or Ubuntu: sudo apt-get install -y chromium\n` +
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

/**
 * Type check, lint and build run side by side: tsc and ESLint use one core each and the build
 * little more, so on two cores this takes about as long as the longest instead of the sum.
 * The build is skipped when .next holds one of exactly these sources (CI, on a fresh clone,
 * always builds). Any failure stops the run after the three have finished.
 */
async function checksAndBuild() {
  const fingerprint = buildFingerprint();
  const fresh = buildIsFresh(fingerprint);
  const jobs: Job[] = [
    { name: "type check", command: process.execPath, args: [bin("typescript", "bin/tsc"), "--noEmit"] },
    { name: "lint", command: process.execPath, args: [bin("eslint", "bin/eslint.js"), ".", "--max-warnings=0"] },
  ];
  if (fresh) console.log("\nThe build is up to date with the sources: no `next build`.");
  else {
    clearBuildStamp();
    jobs.push({ name: "production build", ...buildCommand });
  }
  console.log(`\n▶ ${jobs.map((j) => j.name).join(", ")}, side by side`);
  const begun = Date.now();
  const results = await runSideBySide(jobs);
  const together = ((Date.now() - begun) / 1000).toFixed(1);
  for (const r of results) timings.push([r.name, `${r.seconds.toFixed(1)} s${r.ok ? "" : " (failed)"}   (side by side: ${together} s)`]);
  if (fresh) timings.push(["production build", "skipped: up to date"]);
  const failed = results.filter((r) => !r.ok).map((r) => r.name);
  if (failed.length) throw new Error(`${failed.join(", ")} failed`);
  if (!fresh) writeBuildStamp(fingerprint);
}

try {
  step("prisma generate", () => ensurePrismaClient());
  await checksAndBuild();
  step("unit and integration tests", () =>
    run(process.execPath, [bin("vitest", "vitest.mjs"), "run", "--reporter=default", "--reporter=json", `--outputFile.json=${VITEST_JSON}`]),
  );
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
