import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { chmod, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startEmbeddedPostgres } from "@/lib/db/embedded";

// Issue 11: a `npm start` killed with SIGKILL leaves its PostgreSQL running on the data folder;
// the next start must find it, deal with it and go on. `npm start` starts the database through
// startEmbeddedPostgres({ persistent: true }), so these tests do too, on their own folder.

const EMBEDDED_MODULE = path.resolve("lib/db/embedded.ts");

// What the killed `npm start` did: start the database, write a row, then wait to be killed.
const CHILD = `
const { startEmbeddedPostgres } = await import(process.env.EMBEDDED_MODULE);
const { default: pg } = await import("pg");
const db = await startEmbeddedPostgres({ dataDir: process.env.DATA_DIR, persistent: true, quiet: true });
const client = new pg.Client({ connectionString: db.url });
await client.connect();
await client.query("CREATE TABLE kept (note text)");
await client.query("INSERT INTO kept VALUES ('written before the kill')");
await client.end();
console.log("ready");
setInterval(() => {}, 1000);
`;

let root: string;
const leftovers: number[] = [];
const dataDir = () => path.join(root, "pg");

function alive(pid: number): boolean {
  // A process nobody has reaped yet is a zombie: gone, though signals still reach it.
  if (existsSync("/proc/self/stat")) {
    const stat = existsSync(`/proc/${pid}/stat`) ? readFileSync(`/proc/${pid}/stat`, "utf8") : "";
    return stat !== "" && !/^[ZX]/.test(stat.slice(stat.lastIndexOf(")") + 2));
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function postmasterPid(): Promise<number | undefined> {
  const file = path.join(dataDir(), "postmaster.pid");
  if (!existsSync(file)) return undefined;
  return Number((await readFile(file, "utf8")).split("\n")[0]);
}

async function rows(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ note: string }>("SELECT note FROM kept")).rows.map((r) => r.note);
  } finally {
    await client.end();
  }
}

/** Starts the child, waits for its row, and kills it with SIGKILL. Returns the PID of the PostgreSQL it left. */
async function startAndKill(): Promise<number> {
  const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", CHILD], {
    env: { ...process.env, EMBEDDED_MODULE, DATA_DIR: dataDir() },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", () => output.includes("ready") && resolve());
    child.on("exit", () => reject(new Error(`the child exited before it was killed: ${output}`)));
  });
  const exited = new Promise((resolve) => child.on("exit", resolve));
  child.kill("SIGKILL");
  await exited;
  const leftover = await postmasterPid();
  if (leftover) leftovers.push(leftover);
  expect(leftover && alive(leftover), "the killed start left its PostgreSQL running").toBe(true);
  return leftover!;
}

describe("npm start after a crash", () => {
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), "puente-recovery-"));
    // As root, PostgreSQL runs as its own system user, which must reach the folder.
    await chmod(root, 0o755);
  });

  afterAll(async () => {
    // Never leave a PostgreSQL behind, whatever happened above.
    const running = await postmasterPid().catch(() => undefined);
    for (const pid of [...leftovers, running]) if (pid && alive(pid)) process.kill(pid, "SIGQUIT");
    await rm(root, { recursive: true, force: true });
  });

  it("stops the PostgreSQL a killed start left behind, starts again and keeps the data", async () => {
    const leftover = await startAndKill();

    const database = await startEmbeddedPostgres({ dataDir: dataDir(), persistent: true, quiet: true });
    try {
      expect(alive(leftover), "the leftover PostgreSQL was stopped").toBe(false);
      expect(await rows(database.url)).toEqual(["written before the kill"]);
    } finally {
      await database.stop();
    }
    expect(await postmasterPid()).toBeUndefined();
    // The first start of a folder runs initdb: seconds on an idle machine, more on a busy one.
  }, 90_000);

  it("removes a postmaster.pid whose process is gone or is not PostgreSQL", async () => {
    const other = spawn("sleep", ["30"]);
    try {
      for (const pid of [999_999, other.pid!]) {
        // What a PostgreSQL killed itself (out of memory, power cut) leaves: its lock file.
        await writeFile(path.join(dataDir(), "postmaster.pid"), `${pid}\n${dataDir()}\n0\n5432\n/tmp\n*\n0 0\nready\n`);
        const again = await startEmbeddedPostgres({ dataDir: dataDir(), persistent: true, quiet: true });
        try {
          expect(await rows(again.url)).toEqual(["written before the kill"]);
        } finally {
          await again.stop();
        }
      }
    } finally {
      other.kill();
    }
  });

  it("shares a PostgreSQL still used by a live start instead of stopping it", async () => {
    const first = await startEmbeddedPostgres({ dataDir: dataDir(), persistent: true, quiet: true });
    try {
      // Like `npm run create-admin` while `npm start` runs: same folder, same server.
      const second = await startEmbeddedPostgres({ dataDir: dataDir(), persistent: true, quiet: true });
      expect(second.url).toBe(first.url);
      await second.stop();
      expect(await rows(first.url)).toEqual(["written before the kill"]);
    } finally {
      await first.stop();
    }
  });

  it.each([
    { signal: "SIGINT" as const, why: "a terminal's Ctrl-C reaches it too" },
    { signal: "SIGKILL" as const, why: "it crashed, leaving its lock file behind" },
  ])("stops at once when PostgreSQL already stopped on its own ($signal: $why)", async ({ signal }) => {
    const db = await startEmbeddedPostgres({ dataDir: dataDir(), persistent: true, quiet: true });
    const pid = Number(readFileSync(path.join(dataDir(), "postmaster.pid"), "utf8").split("\n")[0]);
    process.kill(pid, signal);
    // As `npm start` does: its servers stop first, and PostgreSQL is gone before it is asked.
    await vi.waitFor(() => expect(alive(pid)).toBe(false), { timeout: 10_000, interval: 50 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const begun = Date.now();
    await db.stop();
    // It used to wait for an exit event already past, until the launcher gave up 10 s later.
    expect(Date.now() - begun).toBeLessThan(5_000);
  });

  it("says in words what went wrong when PostgreSQL cannot start", async () => {
    // A data folder from another PostgreSQL version.
    const versionFile = path.join(dataDir(), "PG_VERSION");
    const version = await readFile(versionFile, "utf8");
    await writeFile(versionFile, "9\n");
    const failure = await startEmbeddedPostgres({ dataDir: dataDir(), persistent: true, quiet: true }).then(
      () => undefined,
      (error: unknown) => error,
    );
    await writeFile(versionFile, version);
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toMatch(/made by PostgreSQL 9 and this is PostgreSQL \d+/);
    expect((failure as Error).message).toContain(dataDir());
  });
});
