import pg from "pg";

// Next answers a page whose queries fail with a blank 500 (the error happens before it can render
// an error boundary), so the proxy asks here first and answers a readable 503 itself. One cheap
// probe at a time, reused for a second while the database answers and a quarter second while not.
const UP_FOR_MS = 1_000;
const DOWN_FOR_MS = 250;
const PROBE_TIMEOUT_MS = 2_000;

type State = { up: boolean; checkedAt: number; pending?: Promise<boolean>; pool?: pg.Pool };
// On globalThis: the proxy and the routes are separate bundles in one process, and share what they saw.
const shared = globalThis as unknown as { puenteDatabaseState?: State };
const state = (shared.puenteDatabaseState ??= { up: true, checkedAt: 0 });

/** Whether the database answers; `fresh` probes now instead of trusting the last second's answer. */
export async function databaseAvailable(url = process.env.DATABASE_URL, { fresh = false } = {}): Promise<boolean> {
  if (!url) return true;
  if (!fresh && Date.now() - state.checkedAt < (state.up ? UP_FOR_MS : DOWN_FOR_MS)) return state.up;
  state.pending ??= probe(url).then((up) => {
    report(up);
    state.pending = undefined;
    return up;
  });
  return state.pending;
}

/**
 * A pooled connection broke (PostgreSQL stopping ends them all): the next request probes again
 * rather than trust "up" for up to a second. Not "down": a lone dropped connection is no outage.
 */
export function suspectOutage() {
  if (state.up) state.checkedAt = 0;
}

/** What a query just saw (the health check): the next requests need not probe again. */
export function report(up: boolean) {
  state.up = up;
  state.checkedAt = Date.now();
}

async function probe(url: string): Promise<boolean> {
  if (!state.pool) {
    state.pool = new pg.Pool({ connectionString: url, max: 1, connectionTimeoutMillis: PROBE_TIMEOUT_MS, query_timeout: PROBE_TIMEOUT_MS, idleTimeoutMillis: 30_000 });
    // A restart drops the idle connection: the pool replaces it on the next probe.
    state.pool.on("error", () => {});
  }
  try {
    await state.pool.query("SELECT 1");
    return true;
  } catch {
    return false;
  }
}
