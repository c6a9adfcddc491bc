import { spawn, spawnSync, type ChildProcess, type SpawnOptions } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { prismaCli } from "../../lib/db/prisma-cli";

const require = createRequire(import.meta.url);
export const nextBin = path.join(path.dirname(require.resolve("next/package.json")), "dist", "bin", "next");

export function run(command: string, args: string[], options: Omit<SpawnOptions, "env"> & { env?: Record<string, string | undefined> } = {}): void {
  const result = spawnSync(command, args, { stdio: "inherit", ...options, env: { ...process.env, ...options.env } });
  if (result.status !== 0) {
    throw new Error(`${path.basename(command)} ${args.join(" ")} exited with ${result.status ?? result.signal}`);
  }
}

export function runNode(script: string, args: string[], options: Parameters<typeof run>[2] = {}) {
  run(process.execPath, [script, ...args], options);
}

/**
 * How Node runs the production server: `node <SERVER_NODE_ARGS> -p PORT`. A page render makes
 * much short-lived garbage; a 64 MB young generation (Node 20's default is 16 MB) took garbage
 * collection from 12% to 4% of a signed-in page's CPU profile (README "Measured").
 */
export const SERVER_NODE_ARGS = ["--max-semi-space-size=64", "--import=tsx", path.resolve("scripts/server.ts")];

/**
 * SIGTERM, then the child's exit (at most `graceMs`, then SIGKILL): what the caller stops next
 * (the database) is still there while the child finishes.
 */
export function stopChild(child: ChildProcess, graceMs = 12_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

export function spawnNode(script: string, args: string[], env: Record<string, string | undefined>) {
  return spawn(process.execPath, [script, ...args], { stdio: "inherit", env: { ...process.env, ...env } });
}

/**
 * Whether the generated client can be used as it is: it exists, is not older than the schema, and
 * was made by the Prisma now installed (an upgrade with an unchanged schema would otherwise leave a
 * client the new runtime refuses).
 */
export function prismaClientIsFresh(dir = path.join("lib", "generated", "prisma"), schema = path.join("prisma", "schema.prisma"), installedVersion = installedPrismaVersion()): boolean {
  const client = path.join(dir, "client.ts");
  const internals = path.join(dir, "internal", "class.ts");
  if (!existsSync(client) || !existsSync(internals)) return false;
  if (statSync(client).mtimeMs < statSync(schema).mtimeMs) return false;
  return /"clientVersion":\s*"([^"]+)"/.exec(readFileSync(internals, "utf8"))?.[1] === installedVersion;
}

const installedPrismaVersion = () => (JSON.parse(readFileSync(require.resolve("@prisma/client/package.json"), "utf8")) as { version: string }).version;

/** `prisma generate` unless the generated client is fresh. */
export function ensurePrismaClient() {
  if (prismaClientIsFresh()) return;
  console.log("Generating the Prisma client…");
  prismaCli(["generate"]);
}

const BUILD_INPUTS = [
  "app", "components", "lib", "i18n", "messages", "public", "proxy.ts", "instrumentation.ts",
  "next.config.ts", "postcss.config.mjs", "package-lock.json", "tsconfig.json", "prisma/schema.prisma",
  // Next reads these at build time when they exist.
  ".env", ".env.local", ".env.production", ".env.production.local",
];
const BUILD_STAMP = path.join(".next", "puente-build-stamp");

function hashTree(hash: ReturnType<typeof createHash>, target: string) {
  if (!existsSync(target)) return;
  if (!statSync(target).isDirectory()) {
    hash.update(`${target}\0`).update(readFileSync(target)).update("\0");
    return;
  }
  for (const entry of readdirSync(target).sort()) hashTree(hash, path.join(target, entry));
}

/**
 * Every path and byte the build reads (about 5 MB, some 20 ms): a file added, removed, renamed
 * or edited changes it; a checkout that only touches modification times does not.
 */
export function buildFingerprint(): string {
  const hash = createHash("sha256");
  for (const input of BUILD_INPUTS) hashTree(hash, input);
  return hash.digest("hex");
}

/** True when .next holds a finished build of exactly the current sources. */
export function buildIsFresh(fingerprint = buildFingerprint()): boolean {
  return existsSync(path.join(".next", "BUILD_ID")) && existsSync(BUILD_STAMP) && readFileSync(BUILD_STAMP, "utf8") === fingerprint;
}

/** Before a build: a failed or interrupted one must not leave an old stamp behind. */
export function clearBuildStamp() {
  rmSync(BUILD_STAMP, { force: true });
}

export function writeBuildStamp(fingerprint: string) {
  writeFileSync(BUILD_STAMP, fingerprint);
}

export const buildCommand = { command: process.execPath, args: [nextBin, "build"], env: { NEXT_TELEMETRY_DISABLED: "1" } };

/** `next build` when there is no build or a source changed since the last one. */
export function ensureBuild() {
  const fingerprint = buildFingerprint();
  if (buildIsFresh(fingerprint)) return;
  console.log("Building the portal (next build)…");
  const started = Date.now();
  clearBuildStamp();
  run(buildCommand.command, buildCommand.args, { env: buildCommand.env });
  writeBuildStamp(fingerprint);
  console.log(`Built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

export type Job = { name: string; command: string; args: string[]; env?: Record<string, string | undefined>; live?: boolean };
export type JobResult = { name: string; ok: boolean; seconds: number; stopped?: boolean };

/** A job under way: its result when it ends, and a way to stop it early. */
export type RunningJob = { result: Promise<JobResult>; stop: () => void };

/**
 * Starts a job. A `live` job prints as it goes; another's output is printed in one block when it
 * ends, so lines never interleave. `stop` interrupts it (SIGINT: Playwright then stops its servers).
 */
export function startJob(job: Job): RunningJob {
  const started = Date.now();
  const output: Buffer[] = [];
  const child = spawn(job.command, job.args, { stdio: job.live ? "inherit" : ["ignore", "pipe", "pipe"], env: { ...process.env, ...job.env } });
  child.stdout?.on("data", (chunk: Buffer) => output.push(chunk));
  child.stderr?.on("data", (chunk: Buffer) => output.push(chunk));
  let stopped = false;
  const result = new Promise<JobResult>((resolve) => {
    const finish = (ok: boolean, note = "") => {
      const seconds = (Date.now() - started) / 1000;
      console.log(`\n▶ ${job.name} (${seconds.toFixed(1)} s)${ok ? "" : stopped ? " stopped" : ` failed${note}`}`);
      const text = Buffer.concat(output).toString("utf8").trimEnd();
      if (text) console.log(text);
      resolve({ name: job.name, ok, seconds, stopped });
    };
    child.on("error", (error) => finish(false, `: ${error.message}`));
    child.on("close", (code, signal) => finish(code === 0 && !stopped, code === 0 ? "" : ` with ${code ?? signal}`));
  });
  const stop = () => {
    if (child.exitCode !== null || stopped) return;
    stopped = true;
    child.kill("SIGINT");
  };
  return { result, stop };
}

/** Runs the jobs side by side and waits for all of them. */
export function runSideBySide(jobs: Job[]): Promise<JobResult[]> {
  return Promise.all(jobs.map((job) => startJob(job).result));
}

/** The local key that seals monitoring reports (lib/monitoring/crypto.ts), generated once into .data/. */
export async function localMonitoringKey(dataDir: string): Promise<string> {
  const file = path.join(dataDir, "monitoring-key");
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  await mkdir(dataDir, { recursive: true });
  const key = randomBytes(32).toString("base64");
  await writeFile(file, key + "\n", { mode: 0o600 });
  return key;
}

/** The local signing key for session cookies, generated once into .data/. */
export async function localAuthSecret(dataDir: string): Promise<string> {
  const file = path.join(dataDir, "auth-secret");
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  await mkdir(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  await writeFile(file, secret + "\n", { mode: 0o600 });
  return secret;
}

export async function waitForHttp(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { redirect: "manual" });
      if (response.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}
