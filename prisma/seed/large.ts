import { readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";

export type LargeSeedSize = { organizations: number; proposals: number; cosponsorships: number };

export const LARGE_SEED: LargeSeedSize = { organizations: 3_000, proposals: 100_000, cosponsorships: 300_000 };

/** Bulk data generated inside PostgreSQL (one round trip), for benchmarks and scale tests. */
export async function seedLarge(databaseUrl: string, size: LargeSeedSize = LARGE_SEED): Promise<void> {
  const template = await readFile(path.join(process.cwd(), "prisma", "seed", "large.sql"), "utf8");
  const sql = template
    .replaceAll("__ORGANIZATIONS__", String(Math.trunc(size.organizations)))
    .replaceAll("__PROPOSALS__", String(Math.trunc(size.proposals)))
    .replaceAll("__COSPONSORSHIPS__", String(Math.trunc(size.cosponsorships)));
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(sql);
    // As autovacuum would after a bulk load: fresh statistics, and the GIN indexes' pending
    // lists merged (the planner avoids a GIN index with a long pending list).
    for (const table of ["Organization", "Proposal", "ProposalCosponsor"]) await client.query(`VACUUM ANALYZE "${table}"`);
  } finally {
    await client.end();
  }
}
