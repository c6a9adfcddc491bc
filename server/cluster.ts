import cluster, { type Worker } from "node:cluster";
import os from "node:os";

/**
 * How many server processes one machine runs (`WEB_CONCURRENCY`, the name most Node hosts use).
 * A Node process renders on one core: on two cores a second process served 1.25 to 1.6 × the
 * signed-in pages (README "Measured"). Unset: one per core, at most four and one per GiB of
 * memory, since each process holds its own Next runtime and page cache (about 0.5 GB after a
 * few pages, measured); a bigger machine says how many it wants.
 */
export const MAX_DEFAULT_PROCESSES = 4;
const GIB = 1024 ** 3;

/** The machine's memory, or the container's limit when it has a smaller one (0 or a huge number when it has none). */
export function availableMemory(total = os.totalmem(), limit = process.constrainedMemory?.()): number {
  return limit && limit > 0 && limit < total ? limit : total;
}

export function serverProcessCount(env: Record<string, string | undefined> = process.env, cores = os.availableParallelism(), memoryBytes = availableMemory()): number {
  const setting = env.WEB_CONCURRENCY?.trim();
  if (!setting) return Math.max(1, Math.min(cores, MAX_DEFAULT_PROCESSES, Math.floor(memoryBytes / GIB)));
  if (!/^[1-9]\d{0,2}$/.test(setting)) throw new Error(`WEB_CONCURRENCY must be a whole number of processes (1 to 999), not "${setting}".`);
  return Number(setting);
}

/** The environment of process `slot` (0, 1, …): only the first runs the job worker, so the queue is polled once per machine. */
export function slotEnvironment(slot: number, env: Record<string, string | undefined> = process.env): Record<string, string> {
  return { PUENTE_SERVER_SLOT: String(slot), PUENTE_WORKER: slot === 0 ? (env.PUENTE_WORKER ?? "") : "0" };
}

/** How long to wait before starting again a process that stopped: longer each time it stops soon after starting. */
export function restartDelayMs(quickStops: number): number {
  return Math.min(30_000, 500 * 2 ** Math.max(0, quickStops - 1));
}

type SuperviseOptions = {
  count: number;
  /** Said once, when every process listens. */
  onListening: () => void;
  log?: (line: string) => void;
  /** A process that lived less than this counts as a quick stop. */
  quickStopMs?: number;
  graceMs?: number;
};

/**
 * The primary process: starts `count` servers that share the port (Node's cluster hands each new
 * connection to the next one), starts again any that stops, and on SIGTERM or SIGINT stops them
 * all and waits for their requests in flight. Node's cluster is the library; what is written here
 * is the supervision (throng 5, the small package for it, starts a stopped process again at once
 * and forever, and cannot keep the job worker to one process). A process that stops before any
 * has listened (the port is taken, the build is missing) stops the start: starting it again
 * would fail the same way.
 */
export function superviseServerProcesses(options: SuperviseOptions) {
  const log = options.log ?? ((line: string) => console.error(line));
  const quickStopMs = options.quickStopMs ?? 10_000;
  const slots = new Map<Worker, { slot: number; startedAt: number }>();
  const quickStops = new Map<number, number>();
  const listening = new Set<number>();
  let anyListened = false;
  let stopping = false;
  let stopCode = 0;

  const start = (slot: number) => {
    if (stopping) return;
    const worker = cluster.fork(slotEnvironment(slot));
    slots.set(worker, { slot, startedAt: Date.now() });
    worker.on("listening", () => {
      listening.add(slot);
      quickStops.set(slot, 0);
      if (!anyListened && listening.size === options.count) options.onListening();
      anyListened ||= listening.size === options.count;
    });
  };

  cluster.on("exit", (worker, code, signal) => {
    const entry = slots.get(worker);
    slots.delete(worker);
    if (stopping) {
      if (slots.size === 0) process.exit(stopCode);
      return;
    }
    if (!entry) return;
    listening.delete(entry.slot);
    if (!anyListened) {
      log(`A server process stopped before the server could listen (${signal ?? `exit code ${code}`}): see its message above.`);
      stopAll(1);
      return;
    }
    const quick = Date.now() - entry.startedAt < quickStopMs ? (quickStops.get(entry.slot) ?? 0) + 1 : 0;
    quickStops.set(entry.slot, quick);
    const delay = restartDelayMs(quick);
    log(`Server process ${entry.slot} stopped (${signal ?? `exit code ${code}`}); starting it again in ${delay} ms.`);
    setTimeout(() => start(entry.slot), delay).unref();
  });

  const stopAll = (code: number) => {
    if (stopping) return;
    stopping = true;
    stopCode = code;
    if (slots.size === 0) process.exit(code);
    for (const worker of slots.keys()) worker.process.kill("SIGTERM");
    // Each process gives its requests 10 s (scripts/server.ts); after that, whatever is left goes.
    setTimeout(() => {
      for (const worker of slots.keys()) worker.process.kill("SIGKILL");
      process.exit(code);
    }, options.graceMs ?? 12_000).unref();
  };
  process.on("SIGTERM", () => stopAll(0));
  process.on("SIGINT", () => stopAll(0));

  for (let slot = 0; slot < options.count; slot++) start(slot);
}
