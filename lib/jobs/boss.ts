import pg from "pg";
import PgBoss from "pg-boss";
import { logError } from "@/lib/log";
import { JOBS, type JobName, type JobPayload } from "./definitions";
import { bossOptions, executorFor } from "./install";

export { installJobs, JOB_SCHEMA } from "./install";


type Held = { url: string; pool: pg.Pool; boss: PgBoss; stopping?: boolean };
const globalForJobs = globalThis as unknown as { puenteJobs?: Held };

/**
 * The process's pg-boss on DATABASE_URL, made on first use (one per process, as the Prisma
 * client). Sending needs no start(); the worker (worker.ts) starts it to fetch and schedule.
 */
export function jobsBoss(): PgBoss {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  const existing = globalForJobs.puenteJobs;
  if (existing?.url === url) return existing.boss;
  const pool = new pg.Pool({ connectionString: url, max: 4, application_name: "puente-jobs", connectionTimeoutMillis: 3_000 });
  const held: Held = { url, pool, boss: new PgBoss(bossOptions(executorFor(pool))) };
  pool.on("error", (error) => {
    if (!held.stopping) logError("jobs.pool", error);
  });
  held.boss.on("error", (error) => logError("jobs", error));
  globalForJobs.puenteJobs = held;
  return held.boss;
}

/**
 * Said as the process begins to stop: a terminal's Ctrl-C reaches PostgreSQL at the same moment,
 * and the idle connections it then cuts are expected, not errors to log.
 */
export function jobsStopping(): void {
  const held = globalForJobs.puenteJobs;
  if (held) held.stopping = true;
}

/** Closes the process's pool (the worker's stop, scripts and tests that sent jobs). */
export async function closeJobs(): Promise<void> {
  const held = globalForJobs.puenteJobs;
  globalForJobs.puenteJobs = undefined;
  if (held) {
    await held.boss.stop({ graceful: false, close: false }).catch(() => {});
    await held.pool.end().catch(() => {});
  }
}

/**
 * Queues a job: the payload is checked against the job's schema here (a wrong one is a bug and
 * throws). `singletonKey` keeps a second copy out while the first waits (queues with the
 * "short" policy). Returns the job id, or null when an identical job was already waiting.
 */
export async function enqueue<N extends JobName>(name: N, payload: JobPayload<N>, options: { singletonKey?: string; startAfter?: Date } = {}): Promise<string | null> {
  const data = JOBS[name].payload.parse(payload);
  return jobsBoss().send(name, data, { ...options });
}
