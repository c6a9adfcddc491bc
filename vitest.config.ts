import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { defineConfig } from "vitest/config";
import { TEST_WORKERS } from "./tests/helpers/global-setup";

/**
 * Most test files share their worker's loaded modules (`isolate: false`): importing Prisma, zod
 * and the app's modules again for each of 126 files was a third of the tier (229 s isolated,
 * 144 s shared, measured). A file that replaces a module (`vi.mock`), changes the environment,
 * or listens for database changes would leak that into the files after it, so it keeps a fresh
 * process of its own. Which files those are is read from their source, not listed by hand.
 */
const NEEDS_OWN_PROCESS =
  /\bvi\.(mock|doMock|stubEnv|stubGlobal)\(|process\.env(\.\w+|\[[^\]]+\])\s*(\?\?|\|\||&&)?=(?!=)|delete process\.env|Object\.assign\(process\.env|listenForChanges|setHearing/;

function testFiles(folder: string): string[] {
  return readdirSync(path.join(import.meta.dirname, folder), { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".test.ts"))
    .map((file) => path.posix.join(folder, file.split(path.sep).join("/")));
}
const ALL = [...testFiles("tests/unit"), ...testFiles("tests/integration")];
const OWN_PROCESS = ALL.filter((file) => NEEDS_OWN_PROCESS.test(readFileSync(path.join(import.meta.dirname, file), "utf8")));

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // Marker package: outside Next's server bundle it would throw on import.
      "server-only": path.resolve(import.meta.dirname, "tests/helpers/empty-module.ts"),
    },
  },
  test: {
    globalSetup: ["tests/helpers/global-setup.ts"],
    setupFiles: ["tests/helpers/setup-env.ts"],
    // Files run in parallel, one database per worker (VITEST_POOL_ID); tests reset what they need.
    pool: "forks",
    // A deprecated call fails the test that made it, where printing it once went unread (pg's
    // overlapping queries warned in every run until lib/db/instrument-pool.ts lined them up).
    execArgv: ["--throw-deprecation"],
    maxWorkers: TEST_WORKERS,
    testTimeout: 20_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: "shared", include: ALL.filter((file) => !OWN_PROCESS.includes(file)), isolate: false } },
      { extends: true, test: { name: "own process", include: OWN_PROCESS, isolate: true } },
    ],
  },
});
