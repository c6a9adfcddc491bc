import pg from "pg";
import { afterAll, beforeEach, expect, it, vi } from "vitest";
import { createPrismaClient } from "@/lib/db/create-client";

// pg deprecates a call made while its connection still has one waiting (an error in pg 9), and
// Prisma sends a nested select's relation loads side by side inside a transaction. The app's
// pool (lib/db/instrument-pool.ts) lines them up itself: pg never finds one waiting, and they
// still run in the order they were sent.

type PgInternals = { _queryQueue: unknown[] };
let waiting = 0;
const original = pg.Client.prototype.query;
// Installed before the client below connects, so its connections call through it.
vi.spyOn(pg.Client.prototype, "query").mockImplementation(function (this: pg.Client & PgInternals, ...args: unknown[]) {
  if (this._queryQueue.length > 0) waiting++;
  return (original as (...a: unknown[]) => unknown).apply(this, args);
} as typeof original);
const client = createPrismaClient();
beforeEach(() => {
  waiting = 0;
});
afterAll(async () => {
  vi.restoreAllMocks();
  await client.$disconnect();
});

it("loads a nested select's relations inside a transaction without a call waiting in pg's queue", async () => {
  const loaded = await client.$transaction(async (tx) =>
    tx.user.findMany({ take: 1, select: { id: true, roles: true, memberships: true, committeeTerms: true, authSessions: true, notifications: true, emailPreferences: true } }),
  );
  expect(loaded).toBeInstanceOf(Array);
  expect(waiting).toBe(0);
});

it("sends a transaction's statements one after another, in the order they came", async () => {
  const started = await client.$transaction(async (tx) => {
    const sent = [200, 100, 0].map((ms, order) => tx.$queryRawUnsafe<{ order: number; at: Date }[]>(`SELECT ${order} AS "order", clock_timestamp() AS at, pg_sleep(${ms / 1000})::text`));
    return (await Promise.all(sent)).map(([row]) => row);
  });
  expect(waiting).toBe(0);
  expect(started.map((row) => row.order)).toEqual([0, 1, 2]);
  // Each began after the one before had slept: one connection, one statement at a time.
  expect(started[1].at.getTime() - started[0].at.getTime()).toBeGreaterThanOrEqual(190);
  expect(started[2].at.getTime() - started[1].at.getTime()).toBeGreaterThanOrEqual(90);
});

it("goes on after a statement fails: the ones behind it are still answered", async () => {
  const settled = await client
    .$transaction(async (tx) => Promise.allSettled([tx.$queryRawUnsafe("SELECT 'not a number'::int"), tx.$queryRawUnsafe("SELECT 1 AS one")]))
    .then((results) => results.map((result) => result.status));
  // The one behind the failure is answered, not left waiting for a turn that never comes.
  expect(settled).toHaveLength(2);
  expect(settled[0]).toBe("rejected");
  expect(waiting).toBe(0);
});
