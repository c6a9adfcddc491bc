// npm test: everything CI runs, in order, stopping at the first failure.
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { ensureBuild, ensurePrismaClient, run } from "./lib/tasks";

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

const timings: [string, number][] = [];
function step(name: string, work: () => void) {
  console.log(`\n▶ ${name}`);
  const started = Date.now();
  work();
  timings.push([name, (Date.now() - started) / 1000]);
}

try {
  step("prisma generate", () => ensurePrismaClient());
  step("type check", () => run(process.execPath, [bin("typescript", "bin/tsc"), "--noEmit"]));
  step("lint", () => run(process.execPath, [bin("eslint", "bin/eslint.js"), ".", "--max-warnings=0"]));
  step("unit and integration tests", () =>
    run(process.execPath, [bin("vitest", "vitest.mjs"), "run", "--reporter=default", "--reporter=json", `--outputFile.json=${VITEST_JSON}`]),
  );
  step("production build", () => ensureBuild(true));
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
  for (const [name, seconds] of timings) console.log(`  ${name.padEnd(28)} ${seconds.toFixed(1)} s`);
  const line = summary();
  if (line) console.log(`\n${line}`);
}

