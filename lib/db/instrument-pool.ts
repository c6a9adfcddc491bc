import type pg from "pg";
import { announceChanges, recordRead, tablesIn, tablesWritten } from "@/lib/cache/changes";

type QueryFunction = (...args: unknown[]) => unknown;

/**
 * Watches every statement the app's pool runs: the tables a statement names count as read by
 * whatever page is rendering (lib/cache/changes.ts), and the tables a transaction wrote are
 * announced the moment its COMMIT succeeds, so this server's cached pages drop them before the
 * command answers (the database's own notice reaches the other servers: see the
 * change_notifications migration). A write outside a transaction is announced once it returns.
 *
 * Only the promise form is watched, in the caller's own async context (Prisma's adapter uses
 * nothing else): `pool.query` for single statements, a checked-out client for transactions. The
 * pool's own callback calls to a client run in whichever context freed the connection, so they
 * are left alone.
 */
export function instrumentPool(pool: pg.Pool) {
  const query = pool.query.bind(pool) as QueryFunction;
  pool.query = ((...args: unknown[]) => {
    if (args.some((arg) => typeof arg === "function")) return query(...args);
    const text = statementText(args[0]);
    recordRead(tablesIn(text));
    const written = keywordOf(text) === "SELECT" ? [] : tablesWritten(text);
    const result = query(...args);
    return written.length && result instanceof Promise ? result.then((value) => (announceChanges(written), value)) : result;
  }) as typeof pool.query;
  pool.on("connect", (client) => watchTransactions(client));
}

const watched = new WeakSet<pg.PoolClient>();

function watchTransactions(client: pg.PoolClient) {
  if (watched.has(client)) return;
  watched.add(client);
  const direct = client.query.bind(client) as QueryFunction;
  // One statement at a time on a connection: Prisma sends a nested select's relation loads side
  // by side inside a transaction, and pg queues a call made while another runs, which it
  // deprecates (an error in pg 9). Each call waits for the one before, in the order they came.
  let previous: Promise<unknown> = Promise.resolve();
  const query: QueryFunction = (...args) => {
    const result = previous.then(() => direct(...args));
    previous = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  };
  let transaction: Set<string> | null = null;

  client.query = ((...args: unknown[]) => {
    if (args.some((arg) => typeof arg === "function") || isSubmittable(args[0])) return direct(...args);
    const text = statementText(args[0]);
    const keyword = keywordOf(text);
    if (keyword === "BEGIN" || keyword === "START") transaction = new Set();
    recordRead(tablesIn(text));
    const written = keyword === "SELECT" ? [] : tablesWritten(text);
    if (transaction) for (const table of written) transaction.add(table);

    const result = query(...args);
    if (!(result instanceof Promise)) return result;
    if (keyword === "COMMIT" || keyword === "END") {
      const changed = transaction;
      transaction = null;
      return result.then((value) => {
        if (changed) announceChanges([...changed]);
        return value;
      });
    }
    if (keyword === "ROLLBACK" && !/^\s*ROLLBACK\s+TO\b/i.test(text)) transaction = null;
    else if (!transaction && written.length) return result.then((value) => (announceChanges(written), value));
    return result;
  }) as typeof client.query;
}

/** A cursor or stream: pg hands it back to read from, so it cannot wait in line as a promise. */
const isSubmittable = (first: unknown) => typeof first === "object" && first !== null && typeof (first as { submit?: unknown }).submit === "function";

function statementText(first: unknown): string {
  if (typeof first === "string") return first;
  if (typeof first === "object" && first !== null && typeof (first as { text?: unknown }).text === "string") return (first as { text: string }).text;
  return "";
}

function keywordOf(text: string): string | undefined {
  return /^\s*([A-Za-z]+)/.exec(text)?.[1]?.toUpperCase();
}
