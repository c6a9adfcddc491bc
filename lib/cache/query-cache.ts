import { EVERYTHING, hearingChanges, onChanges, recordRead, trackReads } from "./changes";
import { UNWATCHED_TABLES } from "./watched";

/**
 * Results of shared public reads (counts, facets, coverage over 100,000 proposals) kept in this
 * server's memory and dropped the moment a table they read changes, like the page cache
 * (server/page-cache.ts) but for signed-in pages too, which are rendered every time. Only while
 * this process hears every change (the production server's listener); elsewhere (tests,
 * scripts) every call reads the database. A hit still counts its tables as read, so a page built
 * from it is dropped with it. Results are shared: callers must not change them.
 */
type Entry = { value: unknown; tables: string[]; storedAt: number };

const KEY = Symbol.for("puente.query-cache");
type State = { entries: Map<string, Entry>; changedAt: Map<string, number>; sequence: number };
const state: State = ((globalThis as Record<symbol, unknown>)[KEY] as State | undefined) ?? createState();
(globalThis as Record<symbol, unknown>)[KEY] = state;

const MAX_ENTRIES = 2_000;
const TTL_MS = 60_000;

function createState(): State {
  const created: State = { entries: new Map(), changedAt: new Map(), sequence: 0 };
  onChanges((tables) => {
    created.sequence += 1;
    for (const table of tables) created.changedAt.set(table, created.sequence);
    if (tables.includes(EVERYTHING)) return created.entries.clear();
    for (const [key, entry] of created.entries) if (entry.tables.some((table) => tables.includes(table))) created.entries.delete(key);
  });
  return created;
}

export async function cachedRead<T>(name: string, args: unknown, read: () => Promise<T>): Promise<T> {
  if (!hearingChanges()) return read();
  const key = `${name} ${JSON.stringify(args ?? null)}`;
  const hit = state.entries.get(key);
  if (hit && Date.now() - hit.storedAt <= TTL_MS) {
    recordRead(hit.tables);
    return hit.value as T;
  }
  const startedAt = state.sequence;
  const tables = new Set<string>();
  const value = await trackReads(tables, async () => await read());
  recordRead(tables);
  const changedSince = [...tables, EVERYTHING].some((table) => (state.changedAt.get(table) ?? 0) > startedAt);
  if (!changedSince && hearingChanges() && ![...tables].some((table) => UNWATCHED_TABLES.has(table))) {
    state.entries.delete(key);
    state.entries.set(key, { value, tables: [...tables], storedAt: Date.now() });
    if (state.entries.size > MAX_ENTRIES) state.entries.delete(state.entries.keys().next().value!);
  }
  return value;
}
