import { db } from "@/lib/db/client";

type QueryEvent = { query: string };
type WithQueryEvents = { $on(event: "query", listener: (e: QueryEvent) => void): void };

let listening = false;
let current: string[] | null = null;

/** Runs `work` and returns the SQL statements it sent (needs PUENTE_COUNT_QUERIES=1, set in setup-env). */
export async function captureQueries<T>(work: () => Promise<T>): Promise<{ result: T; queries: string[] }> {
  if (!listening) {
    (db as unknown as WithQueryEvents).$on("query", (e) => current?.push(e.query));
    listening = true;
  }
  current = [];
  try {
    const result = await work();
    // Only statements that read or write data: BEGIN/COMMIT are not round trips of the page's logic.
    const queries = current.filter((q) => !/^(BEGIN|COMMIT|ROLLBACK|DEALLOCATE)/i.test(q.trim()));
    return { result, queries };
  } finally {
    current = null;
  }
}
