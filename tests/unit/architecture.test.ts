import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isCommand } from "@/lib/commands/run";

// The habits issue 10 made structural: every change runs through lib/commands/run.ts, and the
// layout stays the one the README describes. These tests read the source, so they fail the
// moment someone writes a transaction, an audit row or an email by hand.

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === "generated" || name === "node_modules") return [];
    return statSync(full).isDirectory() ? filesUnder(full) : /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

const source = [...filesUnder("lib"), ...filesUnder("app"), ...filesUnder("components")];
const read = (file: string) => readFileSync(file, "utf8");
const capabilities = readdirSync("lib").filter((name) => statSync(path.join("lib", name)).isDirectory());

/** Files allowed to do by hand what commands must not, and why. */
const PATH_ITSELF = new Set([
  "lib/commands/run.ts", // the path
  "lib/audit/record.ts", // the typed writer the path calls
  "lib/mail/send.ts", // the transport the mail worker calls
  "lib/mail/deliver.ts", // the mail worker: claims a queued delivery, sends it, marks it sent
  "lib/commands/invalidate.ts", // the invalidation the path runs
  "lib/db/migrate.ts", // migrations run before any command exists
]);

describe("the one mutation path", () => {
  it("is how every capability's commands are built: a commands/ folder whose index exports only commands", async () => {
    const withCommands = capabilities.filter((cap) => {
      const folder = path.join("lib", cap, "commands");
      return statSync(folder, { throwIfNoEntry: false })?.isDirectory();
    });
    expect(withCommands.length).toBeGreaterThanOrEqual(6);
    for (const cap of capabilities) {
      expect(statSync(path.join("lib", cap, "commands.ts"), { throwIfNoEntry: false }), `lib/${cap}/commands.ts should be a commands/ folder`).toBeUndefined();
    }
    const names: string[] = [];
    for (const cap of withCommands.filter((c) => c !== "commands")) {
      const exports: Record<string, unknown> = await import(`@/lib/${cap}/commands/index.ts`);
      const values = Object.entries(exports).filter(([, value]) => typeof value === "function");
      expect(values.length, `lib/${cap}/commands exports no command`).toBeGreaterThan(0);
      for (const [name, value] of values) {
        expect(isCommand(value), `lib/${cap}/commands exports ${name}, which is not built with defineCommand`).toBe(true);
        names.push(name);
      }
    }
    expect(new Set(names).size).toBe(names.length);
  });

  it("is the only place that opens a transaction, writes an audit row, sends mail or invalidates the cache", () => {
    const forbidden = [/\$transaction\(/, /\brecordAudit\(/, /\bsendMail\(/, /\brevalidatePath\(/, /\brevalidateTag\(/];
    const offenders = source
      .filter((file) => !PATH_ITSELF.has(file))
      .flatMap((file) => forbidden.filter((pattern) => pattern.test(read(file))).map((pattern) => `${file}: ${pattern}`));
    expect(offenders).toEqual([]);
  });

  it("reads one statement at a time inside a transaction: no Promise.all over `tx`", () => {
    // A transaction is one connection; queries sent while another runs on it are deprecated in pg
    // (an error in pg 9). lib/db/one-after-another.ts keeps Promise.all's shape without it.
    const offenders: string[] = [];
    for (const file of source) {
      const text = read(file);
      for (let at = text.indexOf("Promise.all("); at !== -1; at = text.indexOf("Promise.all(", at + 1)) {
        let depth = 0;
        let end = at + "Promise.all".length;
        do {
          if (text[end] === "(") depth++;
          else if (text[end] === ")") depth--;
          end++;
        } while (depth > 0 && end < text.length);
        if (/\btx\s*\./.test(text.slice(at, end))) offenders.push(`${file}:${text.slice(0, at).split("\n").length}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it("keeps queries from importing commands", () => {
    const offenders = source.filter((file) => /queries\.ts$/.test(file) && /from "@\/lib\/[a-z-]+\/commands/.test(read(file)));
    expect(offenders).toEqual([]);
  });
});

describe("the layout", () => {
  it("keeps every lib/ file under 500 lines", () => {
    const long = filesUnder("lib")
      .map((file) => [file, read(file).split("\n").length] as const)
      .filter(([, lines]) => lines > 500);
    expect(long).toEqual([]);
  });

  it("never imports app/ from components/ or lib/", () => {
    const offenders = [...filesUnder("lib"), ...filesUnder("components")].filter((file) => /from "(@\/app\/|(\.\.\/)+app\/)/.test(read(file)));
    expect(offenders).toEqual([]);
  });

  it("points at no file outside the repository in code or comments", () => {
    const offenders = [...source, ...filesUnder("scripts"), ...filesUnder("tests"), ...filesUnder("prisma")].filter(
      (file) => file !== "tests/unit/architecture.test.ts" && /\.\.\/shared|DESIGN\.md|STACK\.md/.test(read(file)),
    );
    expect(offenders).toEqual([]);
  });
});
