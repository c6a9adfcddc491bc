import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Which tables a piece of work read, and which tables changed: the two facts the page cache
 * (server/page-cache.ts) needs to keep a page exactly as long as what it shows is unchanged.
 *
 * Both live on globalThis: the Node front (scripts/server.ts) and Next's bundled copy of lib/
 * are two module instances in one process, and must share one tracker and one set of listeners.
 */
/** Announced when changes may have been missed (a listener's connection dropped): every table changed. */
export const EVERYTHING = "*";

type Registry = {
  reads: AsyncLocalStorage<Set<string>>;
  listeners: Set<(tables: readonly string[]) => void>;
  /** Whether this process hears every change (a listener is connected: lib/cache/listen.ts). */
  hearing: () => boolean;
};

const KEY = Symbol.for("puente.changes");
const registry: Registry = ((globalThis as Record<symbol, unknown>)[KEY] as Registry | undefined) ?? {
  reads: new AsyncLocalStorage<Set<string>>(),
  listeners: new Set(),
  hearing: () => false,
};
(globalThis as Record<symbol, unknown>)[KEY] = registry;

/** Runs `work` and collects in `tables` the name of every table a query inside it mentions. */
export function trackReads<T>(tables: Set<string>, work: () => T): T {
  return registry.reads.run(tables, work);
}

export function recordRead(tables: Iterable<string>) {
  const store = registry.reads.getStore();
  if (store) for (const table of tables) store.add(table);
}

/** Tells every listener in this process that these tables changed (a commit, or a notice from another server). */
export function announceChanges(tables: readonly string[]) {
  if (tables.length === 0) return;
  for (const listener of registry.listeners) listener(tables);
}

export function onChanges(listener: (tables: readonly string[]) => void): () => void {
  registry.listeners.add(listener);
  return () => registry.listeners.delete(listener);
}

/**
 * The tables a statement names. Puente's tables are PascalCase, so always double-quoted in SQL
 * (Prisma's `"public"."Proposal"`, raw `"Proposal"`), while columns are camelCase: every quoted
 * identifier that starts with a capital is a table. An enum type in a cast ("ProposalStatus")
 * only adds a name nothing ever announces.
 */
export function tablesIn(sql: string): string[] {
  const found = new Set<string>();
  for (const match of sql.matchAll(/"([A-Z][A-Za-z0-9_]*)"/g)) found.add(match[1]);
  return [...found];
}

/** The tables a statement writes: the target of INSERT INTO, UPDATE, DELETE FROM, TRUNCATE (also inside a WITH). */
export function tablesWritten(sql: string): string[] {
  const found = new Set<string>();
  for (const match of sql.matchAll(/\b(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM|TRUNCATE(?:\s+TABLE)?|MERGE\s+INTO)\s+(?:ONLY\s+)?(?:"public"\s*\.\s*|public\s*\.\s*)?"([A-Z][A-Za-z0-9_]*)"/gi)) {
    found.add(match[1]);
  }
  return [...found];
}

/** Set by the change listener: caches trust what they keep only while changes can be heard. */
export function setHearing(hearing: () => boolean) {
  registry.hearing = hearing;
}

export function hearingChanges(): boolean {
  return registry.hearing();
}
