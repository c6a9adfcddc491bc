import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { onChanges, trackReads } from "@/lib/cache/changes";
import { cachedRead } from "@/lib/cache/query-cache";
import { CHANGES_CHANNEL, EVERYTHING, listenForChanges, type ChangeListener } from "@/lib/cache/listen";
import { UNWATCHED_TABLES } from "@/lib/cache/watched";
import { db } from "@/lib/db/client";
import { listPublicLog } from "@/lib/audit/queries";
import { getHomeActivity, getHomeSharedContent } from "@/lib/home/queries";
import * as organizationCommands from "@/lib/organizations/commands";
import { getOrganizationProfile, listPublicOrganizations } from "@/lib/organizations/queries";
import { listComments } from "@/lib/proposals/queries";
import { parseProposalFilters, searchProposals } from "@/lib/proposals/search";
import * as proposalCommands from "@/lib/proposals/commands";
import { createProposal as insertProposal, buildProposalWorld, validProposalInput } from "../helpers/proposal-fixtures";
import { resetDatabase } from "../helpers/factories";

// What the page cache (server/page-cache.ts) rests on: the database announces every change to a
// watched table on commit, to every server; this process announces its own commits at once; and
// a render learns which tables it read.

/** Everything announced in this process while `run` runs (and a moment after, for notices). */
async function announcedDuring(run: () => Promise<unknown>, settleMs = 0) {
  // The notices of the fixtures' own writes arrive first.
  if (settleMs) await new Promise((resolve) => setTimeout(resolve, settleMs));
  const seen: string[] = [];
  const stop = onChanges((tables) => seen.push(...tables));
  try {
    await run();
    if (settleMs) await new Promise((resolve) => setTimeout(resolve, settleMs));
  } finally {
    stop();
  }
  return seen;
}

describe("every table is watched or said not to be", () => {
  it("has the change trigger on exactly the tables not listed as unwatched", async () => {
    const tables = await db.$queryRaw<{ name: string; watched: boolean }[]>`
      SELECT c.relname::text AS name,
             EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid AND t.tgname = 'puente_announce_change') AS watched
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY 1`;
    expect(tables.length).toBeGreaterThan(40);
    const wrong = tables.filter((t) => t.watched === UNWATCHED_TABLES.has(t.name)).map((t) => `${t.name}: ${t.watched ? "watched but listed as unwatched" : "neither watched nor listed (add SELECT puente_watch_table('…') to its migration)"}`);
    expect(wrong).toEqual([]);
  });
});

describe("changes reach every server", () => {
  let listener: ChangeListener;
  let world: Awaited<ReturnType<typeof buildProposalWorld>>;
  beforeAll(async () => {
    listener = listenForChanges(process.env.DATABASE_URL!);
    await listener.ready;
  });
  afterAll(() => listener.stop());
  beforeEach(async () => {
    await resetDatabase();
    world = await buildProposalWorld();
  });

  it("a command's tables are announced here when it commits, before it answers", async () => {
    const draft = await insertProposal(world.org.id, { status: "DRAFT" });
    // No wait after the command: what this server announces itself is there when it returns.
    const seen = await announcedDuring(() => proposalCommands.submitProposal(world.actors.orgMember, { proposalId: draft.id }));
    expect(seen).toEqual(expect.arrayContaining(["Proposal", "AuditEntry"]));
  });

  it("another process's write (a second server, a script) arrives as the database's notice within a second", async () => {
    const other = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await other.connect();
    try {
      const started = performance.now();
      const seen: string[] = [];
      const arrived = new Promise<void>((resolve) => {
        const stop = onChanges((tables) => {
          seen.push(...tables);
          if (!tables.includes("Organization")) return;
          stop();
          resolve();
        });
      });
      await other.query(`UPDATE "Organization" SET "description" = 'Cambiada por otro servidor' WHERE id = $1`, [world.org.id]);
      await Promise.race([arrived, new Promise((_, reject) => setTimeout(() => reject(new Error(`no notice; saw ${seen.join(",")}`)), 1_000))]);
      expect(performance.now() - started).toBeLessThan(1_000);
    } finally {
      await other.end();
    }
  });

  it("a transaction that rolls back announces nothing, and its notice never comes", async () => {
    const seen = await announcedDuring(async () => {
      await expect(
        db.$transaction(async (tx) => {
          await tx.organization.update({ where: { id: world.org.id }, data: { description: "no" } });
          throw new Error("undo");
        }),
      ).rejects.toThrow("undo");
    }, 300);
    expect(seen).toEqual([]);
  });

  it("a refused command announces nothing", async () => {
    const submitted = await insertProposal(world.org.id, { status: "SUBMITTED" });
    const seen = await announcedDuring(() => expect(proposalCommands.submitProposal(world.actors.orgMember, { proposalId: submitted.id })).rejects.toThrow(), 300);
    expect(seen).toEqual([]);
  });

  it("a lost connection counts as every table changed, and listening resumes", async () => {
    const seen: string[] = [];
    const stop = onChanges((tables) => seen.push(...tables));
    try {
      await db.$queryRawUnsafe(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = 'LISTEN ${CHANGES_CHANNEL}' AND pid <> pg_backend_pid()`);
      const deadline = Date.now() + 5_000;
      while (Date.now() < deadline && !(listener.connected() && seen.filter((t) => t === EVERYTHING).length >= 2)) await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      stop();
    }
    // Once when it dropped, once more when it came back (what changed meanwhile went unheard).
    expect(seen.filter((t) => t === EVERYTHING)).toHaveLength(2);
    expect(listener.connected()).toBe(true);
  });
});

describe("a render learns what it read", () => {
  beforeAll(async () => {
    await resetDatabase();
    await buildProposalWorld();
  });

  it("records the tables of every query inside, raw SQL included, and nothing outside", async () => {
    const tables = new Set<string>();
    await trackReads(tables, () => searchProposals(parseProposalFilters({ q: "niñez" })));
    expect(tables).toContain("Proposal");
    expect(tables).toContain("Organization");
    const outside = new Set<string>();
    await trackReads(outside, async () => undefined);
    await db.reviewSession.count();
    expect(outside.size).toBe(0);
  });

  it("keeps two concurrent renders apart", async () => {
    const [a, b] = [new Set<string>(), new Set<string>()];
    // (A Prisma query runs when awaited, as a page's async components do.)
    await Promise.all([trackReads(a, async () => await db.reviewSession.count()), trackReads(b, async () => await db.organization.count())]);
    expect([...a]).toEqual(["ReviewSession"]);
    expect([...b]).toEqual(["Organization"]);
  });

  it("counts a command's own reads only where it runs", async () => {
    const world = await buildProposalWorld();
    const tables = new Set<string>();
    await trackReads(tables, () => proposalCommands.createProposal(world.actors.orgMember, validProposalInput()));
    expect(tables).toContain("Proposal");
  });
});

// The test of "each command invalidates what its change shows": for a public read a page makes
// and a command that changes its result, the tables the command announced meet the tables the
// read used, so a page that showed the old result is dropped.
describe("a change drops every page that shows it", () => {
  let world: Awaited<ReturnType<typeof buildProposalWorld>>;
  beforeEach(async () => {
    await resetDatabase();
    world = await buildProposalWorld();
  });

  type Case = [page: string, read: () => Promise<unknown>, change: () => Promise<unknown>];
  const cases = (): Case[] => {
    const { actors, org } = world;
    let draftId = "";
    let proposalId = "";
    return [
      ["home: latest proposals", () => getHomeActivity(), async () => proposalCommands.submitProposal(actors.orgMember, { proposalId: (draftId ||= (await insertProposal(org.id, { status: "DRAFT" })).id) })],
      ["proposal list", async () => ((proposalId ||= (await insertProposal(org.id, { status: "SUBMITTED" })).id), searchProposals(parseProposalFilters({}))), () => organizationCommands.suspendOrganization(actors.staff, { organizationId: org.id, reason: "Revisión" })],
      ["a proposal's comments", async () => listComments((proposalId ||= (await insertProposal(org.id, { status: "SUBMITTED" })).id), null), () => proposalCommands.addComment(actors.otherOrgMember, { proposalId, body: "Apoyamos." })],
      ["the public log", () => listPublicLog(1), async () => proposalCommands.submitProposal(actors.orgMember, { proposalId: (await insertProposal(org.id, { status: "DRAFT" })).id })],
      ["organizations", () => listPublicOrganizations({}), () => organizationCommands.suspendOrganization(actors.staff, { organizationId: org.id, reason: "Revisión" })],
      ["an organization", () => getOrganizationProfile(null, org.slug), () => organizationCommands.suspendOrganization(actors.staff, { organizationId: org.id, reason: "Revisión" })],
    ];
  };

  it.each(["home: latest proposals", "proposal list", "a proposal's comments", "the public log", "organizations", "an organization"])("%s", async (name) => {
    const [page, read, change] = cases().find(([page]) => page === name)!;
    const before = JSON.stringify(await read());
    const read1 = new Set<string>();
    await trackReads(read1, async () => void (await read()));
    const announced = await announcedDuring(change);
    const after = JSON.stringify(await read());
    expect(after, `${page}: the change must show`).not.toBe(before);
    expect(announced.filter((table) => read1.has(table)), `${page}: read ${[...read1].join(", ")}; announced ${announced.join(", ")}`).not.toEqual([]);
  });
});

describe("shared reads kept in memory while changes are heard", () => {
  let world: Awaited<ReturnType<typeof buildProposalWorld>>;
  beforeEach(async () => {
    await resetDatabase();
    world = await buildProposalWorld();
    await insertProposal(world.org.id, { status: "SUBMITTED" });
  });

  it("reads the database every time while nothing listens (tests, scripts)", async () => {
    let reads = 0;
    const read = async () => (reads += 1, await db.proposal.count());
    await cachedRead("test.count", null, read);
    await cachedRead("test.count", null, read);
    expect(reads).toBe(2);
  });

  it("answers from memory, counts the tables as read on a hit, and drops the result when a command changes them", async () => {
    const listener = listenForChanges(process.env.DATABASE_URL!);
    await listener.ready;
    try {
      let reads = 0;
      const read = async () => (reads += 1, await db.proposal.count({ where: { status: "SUBMITTED" } }));
      expect(await cachedRead("test.submitted", null, read)).toBe(1);
      const tables = new Set<string>();
      expect(await trackReads(tables, () => cachedRead("test.submitted", null, read))).toBe(1);
      expect(reads).toBe(1);
      expect(tables).toContain("Proposal");
      await proposalCommands.submitProposal(world.actors.orgMember, { proposalId: (await insertProposal(world.org.id, { status: "DRAFT" })).id });
      expect(await cachedRead("test.submitted", null, read)).toBe(2);
      expect(reads).toBe(2);
    } finally {
      await listener.stop();
    }
  });

  it("keeps the home page's shared content for every reader until a new proposal, a decision or a session changes it", async () => {
    const listener = listenForChanges(process.env.DATABASE_URL!);
    await listener.ready;
    try {
      const first = await getHomeSharedContent("es");
      expect(await getHomeSharedContent("es")).toBe(first);
      const draft = await insertProposal(world.org.id, { status: "DRAFT", title: "Nueva propuesta en la portada" });
      await proposalCommands.submitProposal(world.actors.orgMember, { proposalId: draft.id });
      const after = await getHomeSharedContent("es");
      expect(after).not.toBe(first);
      expect(after.activity.proposals.map((p) => p.id)).toContain(draft.id);
      expect(after.decisions.total).toBeGreaterThan(first.decisions.total);
    } finally {
      await listener.stop();
    }
  });
});
