// npm test: everything CI runs, in order, stopping at the first failure.
import { existsSync } from "node:fs";
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
  step("unit and integration tests", () => run(process.execPath, [bin("vitest", "vitest.mjs"), "run"]));
  step("production build", () => ensureBuild(true));
  step("end-to-end tests", () => run(process.execPath, [bin("@playwright/test", "cli.js"), "test"], { env: { CHROMIUM_PATH: chromium } }));
} catch (error) {
  console.error(`\n✖ ${(error as Error).message}`);
  process.exit(1);
} finally {
  console.log("\nTimings:");
  for (const [name, seconds] of timings) console.log(`  ${name.padEnd(28)} ${seconds.toFixed(1)} s`);
}

