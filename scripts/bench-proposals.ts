// npm run bench:proposals — seeds 100,000 proposals (3,000 organizations, 300,000 co-sponsorships)
// into a throwaway embedded PostgreSQL and prints how long the list (search + two filters) and
// a proposal page take: the SQL alone, and the whole page from `next start` when a build exists.
import { existsSync } from "node:fs";
import { chmod, mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres, findFreePort } from "../lib/db/embedded";
import { applyMigrations } from "../lib/db/migrate";
import { LARGE_SEED, seedLarge } from "../prisma/seed/large";
import { nextBin, spawnNode, waitForHttp } from "./lib/tasks";

const RUNS = 15;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];

async function time(label: string, work: () => Promise<unknown>) {
  await work(); // warm up
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  console.log(`${label.padEnd(58)} median ${median(samples).toFixed(1)} ms   p95 ${p95(samples).toFixed(1)} ms`);
}

const dir = await mkdtemp(path.join(os.tmpdir(), "puente-bench-"));
await chmod(dir, 0o755);
const database = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), persistent: false, quiet: true });
try {
  await applyMigrations(database.url);
  process.env.DATABASE_URL = database.url;
  const started = Date.now();
  await seedLarge(database.url, LARGE_SEED);
  console.log(`Seeded ${LARGE_SEED.proposals} proposals, ${LARGE_SEED.organizations} organizations, ${LARGE_SEED.cosponsorships} co-sponsorship attempts in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const { db } = await import("../lib/db/client");
  const { parseProposalFilters, searchProposals, explainSearch } = await import("../lib/proposals/search");
  const { getProposalForPage } = await import("../lib/proposals/queries");
  const counts = await db.$queryRaw<{ proposals: bigint; cosponsors: bigint }[]>`
    SELECT (SELECT count(*) FROM "Proposal") AS proposals, (SELECT count(*) FROM "ProposalCosponsor") AS cosponsors`;
  console.log(`Rows: ${counts[0].proposals} proposals, ${counts[0].cosponsors} co-sponsorships`);

  const listQuery = { q: "migracion", objective: "7", subregion: "MEXICO_CENTRAL_AMERICA" };
  const sample = await db.proposal.findFirst({ where: { status: "ACCEPTED", cosponsorCount: { gt: 0 } }, select: { id: true } });
  console.log("\nSQL only (lib/, 15 runs after a warm-up):");
  await time("list: search 'migracion' + objective + sub-region", () => searchProposals(parseProposalFilters(listQuery)));
  await time("list: no filters, newest, page 1", () => searchProposals(parseProposalFilters({})));
  await time("list: no filters, most co-sponsored, page 200", () => searchProposals(parseProposalFilters({ sort: "cosponsored", page: "200" })));
  await time("proposal page data", () => getProposalForPage(null, sample!.id));
  console.log("\nPlan of the search:\n" + (await explainSearch(parseProposalFilters(listQuery))));

  if (existsSync(path.join(".next", "BUILD_ID"))) {
    const port = await findFreePort();
    const server = spawnNode(nextBin, ["start", "-p", String(port)], {
      DATABASE_URL: database.url,
      AUTH_SECRET: "bench-secret-0123456789-abcdefghijklmnopqrstuvwxyz",
      MONITORING_KEY: Buffer.alloc(32, 9).toString("base64"),
      NEXT_TELEMETRY_DISABLED: "1",
    });
    try {
      await waitForHttp(`http://localhost:${port}/api/health`);
      const base = `http://localhost:${port}/es`;
      const get = (url: string) => fetch(url).then(async (r) => {
        await r.text();
        if (r.status !== 200) throw new Error(`${url} answered ${r.status}`);
      });
      console.log("\nWhole pages from `next start` (HTML, 15 runs after a warm-up):");
      await time("GET /es/proposals?q=migracion&objective=7&subregion=…", () => get(`${base}/proposals?${new URLSearchParams(listQuery)}`));
      await time(`GET /es/proposals/<id>`, () => get(`${base}/proposals/${sample!.id}`));
      await time("GET /es/proposals (no filters)", () => get(`${base}/proposals`));
    } finally {
      server.kill("SIGTERM");
    }
  } else {
    console.log("\nNo build (.next/BUILD_ID): run `npx next build` first to time the whole pages.");
  }
  await db.$disconnect();
} finally {
  await database.stop();
}
