import { logError, logInfo } from "@/lib/log";
import { closeJobs, installJobs, jobsBoss } from "./boss";
import { JOBS, JOB_NAMES, type JobName } from "./definitions";
import { HANDLERS } from "./handlers";

export { jobsStopping } from "./boss";

export type WorkerOptions = {
  /** Only these queues (a test worker that only sends mail); all by default. */
  only?: readonly JobName[];
  /** Set the schedules (default true): pg-boss keeps one per queue, whichever server sets it. */
  schedule?: boolean;
  /** How often an idle queue is polled, in seconds (default 2; mail every second). */
  pollingIntervalSeconds?: number;
  /** Mail jobs fetched at once (default 5); they run one after the other. */
  mailBatchSize?: number;
};

/**
 * Starts this process's job worker on DATABASE_URL: installs pg-boss's schema and queues if
 * needed, sets the schedules, and works every queue. Several servers may each run one: pg-boss
 * hands each job to one worker (SELECT … FOR UPDATE SKIP LOCKED) and sends each cron slot once.
 */
export async function startWorker(options: WorkerOptions = {}): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  await installJobs(url);
  const boss = jobsBoss();
  await boss.start();
  const names = JOB_NAMES.filter((n) => !options.only || options.only.includes(n));
  for (const name of names) {
    const job = JOBS[name];
    const polling = options.pollingIntervalSeconds ?? (name === "mail_deliver" ? 1 : 2);
    await boss.work<unknown>(name, { batchSize: name === "mail_deliver" ? (options.mailBatchSize ?? 5) : 1, pollingIntervalSeconds: polling }, async (jobs) => {
      for (const j of jobs) {
        try {
          const payload = job.payload.parse(j.data);
          const handler = HANDLERS[name] as (payload: unknown, context: { expireInSeconds: number }) => Promise<unknown>;
          await handler(payload, { expireInSeconds: j.expireInSeconds });
        } catch (error) {
          // Only this job fails (and is retried with backoff); the rest of the batch completes.
          logError(`jobs.${name}`, error, { jobId: j.id });
          await boss.fail(name, j.id, { message: error instanceof Error ? error.message : String(error) });
        }
      }
    });
    if (options.schedule !== false && job.cron) await boss.schedule(name, job.cron, {}, { tz: "UTC" });
  }
  logInfo("jobs.started", { queues: names });
}

/** Stops fetching, lets the jobs in hand finish (10 s at most), and closes the pool. */
export async function stopWorker(): Promise<void> {
  try {
    await jobsBoss().stop({ graceful: true, timeout: 10_000, close: false, wait: true });
  } catch (error) {
    logError("jobs.stop", error);
  }
  await closeJobs();
}
