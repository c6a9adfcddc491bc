import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { instrumentPool } from "@/lib/db/instrument-pool";
import { suspectOutage } from "@/lib/db/availability";
import { PrismaClient } from "@/lib/generated/prisma/client";

export function createPrismaClient(url = process.env.DATABASE_URL): PrismaClient {
  if (!url) throw new Error("DATABASE_URL is not set");
  // A request waits at most 3 s for a connection: with the database down or every connection
  // busy it fails (and the page says so) instead of hanging.
  // An idle connection that breaks (PostgreSQL stopped or restarted) is dropped, and the next
  // page asks whether the database is still there.
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 3_000 });
  instrumentPool(pool);
  return new PrismaClient({
    adapter: new PrismaPg(pool, { onPoolError: suspectOutage, disposeExternalPool: true }),
    // Tests count the SQL a page runs (no N+1); nothing listens in production.
    ...(process.env.PUENTE_COUNT_QUERIES === "1" ? { log: [{ emit: "event" as const, level: "query" as const }] } : {}),
  });
}
