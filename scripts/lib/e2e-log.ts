import os from "node:os";
import path from "node:path";

/** Where the end-to-end server's output is kept for the run on this port (read by the leak tests). */
export const e2eServerLog = (port: string | number) => path.join(os.tmpdir(), `puente-e2e-server-${port}.log`);

/** Where the end-to-end server writes its database's address, so a test can run a job against it (scripts/run-job.ts). */
export const e2eDatabaseFile = (port: string | number) => path.join(os.tmpdir(), `puente-e2e-database-${port}.url`);
