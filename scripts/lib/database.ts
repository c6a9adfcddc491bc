import path from "node:path";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "../../lib/db/embedded";
import { applyMigrations } from "../../lib/db/migrate";

/** DATABASE_URL when set, otherwise the local embedded PostgreSQL in .data/ (started for the script). */
export async function withDatabase<T>(work: (url: string, embedded: boolean) => Promise<T>): Promise<T> {
  let embedded: EmbeddedDatabase | undefined;
  let url = process.env.DATABASE_URL;
  if (!url) {
    embedded = await startEmbeddedPostgres({ dataDir: path.resolve(".data", "postgres"), persistent: true, quiet: true });
    url = embedded.url;
  }
  try {
    await applyMigrations(url, { log: console.log });
    process.env.DATABASE_URL = url;
    return await work(url, !!embedded);
  } finally {
    await embedded?.stop();
  }
}
