// Entry point of `npm start`, `npm run dev`, `npm test` and `npm run bench` on a fresh clone: plain Node, no
// dependencies, so it can install them first. Then it hands over to the TypeScript script.
import { spawnSync, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import "./lib/exit-with-parent.mjs";

const [, , task, ...rest] = process.argv;
const scripts = { start: "scripts/start.ts", dev: "scripts/start.ts", test: "scripts/test.ts", bench: "scripts/bench.ts" };
if (!scripts[task]) {
  console.error(`usage: node scripts/bootstrap.mjs ${Object.keys(scripts).join("|")}`);
  process.exit(2);
}

const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const lockHash = createHash("sha256").update(readFileSync("package-lock.json")).digest("hex");
const stamp = "node_modules/.puente-lock-hash";
const installed = existsSync(stamp) && readFileSync(stamp, "utf8") === lockHash;
if (!installed) {
  console.log("Installing dependencies (npm ci)…");
  const started = Date.now();
  const result = spawnSync(npm, ["ci", "--no-audit", "--no-fund"], { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
  writeFileSync(stamp, lockHash);
  console.log(`Dependencies installed in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", PUENTE_TASK: task };
const child = spawn(process.execPath, ["--import", "tsx", scripts[task], task, ...rest], { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
