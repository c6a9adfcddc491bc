import os from "node:os";
import path from "node:path";

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
