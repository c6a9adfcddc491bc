// A mail worker in its own process, for the crash test (tests/integration/mail-queue.test.ts):
// node --import tsx tests/helpers/mail-worker-child.ts, with DATABASE_URL and SMTP_URL set.
import { startWorker } from "@/lib/jobs/worker";

await startWorker({ only: ["mail_deliver"], schedule: false, pollingIntervalSeconds: 0.5, mailBatchSize: 3 });
process.send?.("ready");
