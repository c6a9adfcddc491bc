import os from "node:os";
import path from "node:path";

/** The first end-to-end server's port; E2E_PORT moves the whole run. */
export const E2E_BASE_PORT = Number(process.env.E2E_PORT ?? 3100);

/**
 * The end-to-end run's workers, each with a server and a database of its own, so specs that change
 * the demo data never meet. One worker keeps 1.2 of two cores busy (478 s of processor time in a
 * 399 s run, measured: the browser and the server mostly take turns), so the default is one per
 * core: two on two cores ran the same tests in 355 s. E2E_WORKERS sets it.
 */
export const E2E_WORKERS = Math.max(1, Math.floor(Number(process.env.E2E_WORKERS ?? os.availableParallelism())) || 1);

/** Worker i's server; the port above each stays free for a spec's second server (two-servers.spec). */
export const e2eServerPort = (workerIndex: number) => E2E_BASE_PORT + 2 * workerIndex;

/** Where the end-to-end server's output is kept for the run on this port (read by the leak tests). */
export const e2eServerLog = (port: string | number) => path.join(os.tmpdir(), `puente-e2e-server-${port}.log`);

/** Where the end-to-end server writes its database's address, so a test can run a job against it (scripts/run-job.ts). */
export const e2eDatabaseFile = (port: string | number) => path.join(os.tmpdir(), `puente-e2e-database-${port}.url`);

/**
 * The settings every server of the end-to-end run shares (scripts/e2e-server.ts starts the
 * first; two-servers.spec.ts a second, email-digest.spec.ts a job): fixed test values, never a
 * real deployment's.
 */
export const E2E_SERVER_SECRETS = {
  AUTH_SECRET: "e2e-secret-0123456789-abcdefghijklmnopqrstuvwxyz",
  MONITORING_KEY: Buffer.alloc(32, 9).toString("base64"),
} as const;
