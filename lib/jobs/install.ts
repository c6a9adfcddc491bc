import pg from "pg";
import PgBoss from "pg-boss";
// Relative imports only: the tests' global setup loads this file before the "@/" alias exists.
import { JOBS, JOB_NAMES } from "./definitions";

/** pg-boss keeps its tables in this schema of the app's database, apart from Prisma's `public`. */
export const JOB_SCHEMA = "pgboss";

/** The options every instance shares: the schema, maintenance once a minute, a week of history. */
export function bossOptions(executor: PgBoss.Db, extra: PgBoss.ConstructorOptions = {}): PgBoss.ConstructorOptions {
  return { db: executor, schema: JOB_SCHEMA, maintenanceIntervalSeconds: 60, deleteAfterDays: 7, ...extra };
}

/** Our own small pool (not Prisma's): pg-boss speaks plain SQL with parameters. */
export function executorFor(pool: pg.Pool): PgBoss.Db {
  return { executeSql: (text, values) => pool.query(text, values) };
}

/**
 * Creates (or brings up to date) pg-boss's schema and one queue per job in JOBS. Safe to run
 * from several servers at once (pg-boss migrates under an advisory lock; queues are created
 * with ON CONFLICT DO NOTHING). `npm start`, the e2e server and the tests' template run it
 * after the migrations, so a command can queue mail before any worker runs.
 */
export async function installJobs(url: string): Promise<void> {
  const pool = new pg.Pool({ connectionString: url, max: 2, application_name: "puente-jobs-install" });
  const boss = new PgBoss(bossOptions(executorFor(pool), { supervise: false, schedule: false, migrate: true }));
  try {
    await boss.start();
    for (const name of JOB_NAMES) {
      const options = { name, ...JOBS[name].queue };
      if (await boss.getQueue(name)) await boss.updateQueue(name, options);
      else await boss.createQueue(name, options);
    }
  } finally {
    await boss.stop({ graceful: false, close: false }).catch(() => {});
    await pool.end();
  }
}

