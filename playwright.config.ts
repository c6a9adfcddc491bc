import { defineConfig, devices } from "@playwright/test";
import { findChromium } from "./scripts/lib/chromium";
import { E2E_WORKERS, e2eServerPort } from "./scripts/lib/e2e-log";

const workerPorts = Array.from({ length: E2E_WORKERS }, (_, index) => e2eServerPort(index));

export default defineConfig({
  testDir: "tests/e2e",
  // Files side by side, one per worker (scripts/lib/e2e-log.ts says how many), each worker on a
  // server and a database of its own (specs change the demo data: sessions.spec nominates the
  // participant sessions-pages expects free).
  // Tests inside a file run in order. Specs import `test` from ./tests/e2e/test, which points
  // each worker at its server; a worker takes files in name order, so two files on one server
  // meet in the order a single worker would run them.
  fullyParallel: false,
  workers: E2E_WORKERS,
  retries: 0,
  // Long flows visit a dozen pages with axe on each; a busy two-core machine needs the margin.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    // Each worker's own: tests/e2e/test.ts.
    baseURL: `http://localhost:${workerPorts[0]}`,
    // Recording a trace costs every test 12% (three specs: 108.9 s with it, 95.4 s without), and
    // CI keeps no artefacts: to debug a failure locally, add `--trace retain-on-failure`.
    trace: "off",
    launchOptions: {
      executablePath: findChromium(),
      // Our machines have no network but the npm registry: keep Chromium from calling home.
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  // Per worker, a throwaway embedded PostgreSQL with demo data and the production server on the
  // last build; they start together.
  webServer: workerPorts.map((port) => ({
    command: "node --import tsx scripts/e2e-server.ts",
    url: `http://localhost:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 180_000,
    env: { E2E_PORT: String(port) },
    gracefulShutdown: { signal: "SIGTERM" as const, timeout: 10_000 },
    stdout: "pipe" as const,
    stderr: "pipe" as const,
  })),
});
