import { spawn, spawnSync, type SpawnOptions } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
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

export function spawnNode(script: string, args: string[], env: Record<string, string | undefined>) {
  return spawn(process.execPath, [script, ...args], { stdio: "inherit", env: { ...process.env, ...env } });
}

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stats = statSync(target);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/** `prisma generate` when the generated client is missing or older than the schema. */
export function ensurePrismaClient() {
  const generated = path.join("lib", "generated", "prisma", "client.ts");
  if (existsSync(generated) && statSync(generated).mtimeMs >= statSync(path.join("prisma", "schema.prisma")).mtimeMs) return;
  console.log("Generating the Prisma client…");
  prismaCli(["generate"]);
}

const BUILD_INPUTS = [
  "app", "components", "lib", "i18n", "messages", "public", "proxy.ts", "instrumentation.ts",
  "next.config.ts", "postcss.config.mjs", "package-lock.json", "tsconfig.json", "prisma/schema.prisma",
];
const BUILD_STAMP = path.join(".next", "puente-build-stamp");

function buildFingerprint(): string {
  // Content of what the build reads, by path and modification time: cheap and good enough.
  const hash = createHash("sha256");
  for (const input of BUILD_INPUTS) hash.update(`${input}:${newestMtime(input)};`);
  return hash.digest("hex");
}

/** `next build` when there is no build or a source changed since the last one. */
export function ensureBuild(force = false) {
  const fingerprint = buildFingerprint();
  const stamp = existsSync(BUILD_STAMP) ? readFileSync(BUILD_STAMP, "utf8") : "";
  if (!force && stamp === fingerprint && existsSync(path.join(".next", "BUILD_ID"))) return;
  console.log("Building the portal (next build)…");
  const started = Date.now();
  run(process.execPath, [nextBin, "build"], { env: { NEXT_TELEMETRY_DISABLED: "1" } });
  writeFileSync(BUILD_STAMP, fingerprint);
  console.log(`Built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
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
