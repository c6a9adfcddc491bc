import { defineConfig, devices } from "@playwright/test";
import { findChromium } from "./scripts/lib/chromium";

const port = Number(process.env.E2E_PORT ?? 3100);

export default defineConfig({
  testDir: "tests/e2e",
  // One worker by default: sessions.spec nominates the demo participant while sessions-pages
  // expects one withdrawable nomination, so those two files must not run side by side yet.
  // E2E_WORKERS=2 runs files side by side (tests inside a file in order, unless the file says
  // `mode: "parallel"`), for when the specs own their data.
  fullyParallel: false,
  workers: Number(process.env.E2E_WORKERS ?? 1),
  retries: 0,
  // Long flows visit a dozen pages with axe on each; a busy two-core machine needs the margin.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${port}`,
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
  webServer: {
    // A throwaway embedded PostgreSQL with demo data and `next start` on the last build.
    command: "node --import tsx scripts/e2e-server.ts",
    url: `http://localhost:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: { E2E_PORT: String(port) },
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    stdout: "pipe",
    stderr: "pipe",
  },
});
