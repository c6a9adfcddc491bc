import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FUZZ_GROUPS } from "../helpers/fuzz-groups";

describe("the fuzzed command groups", () => {
  it("hold every capability with commands exactly once, each group with its own test file", () => {
    const withCommands = readdirSync("lib").filter((cap) => existsSync(path.join("lib", cap, "commands", "index.ts")));
    const grouped = Object.values(FUZZ_GROUPS).flat();
    expect(new Set(grouped).size, "a capability is in two groups").toBe(grouped.length);
    expect([...grouped].sort()).toEqual([...withCommands].sort());
    for (const group of Object.keys(FUZZ_GROUPS)) expect(existsSync(path.join("tests", "integration", `fuzz-commands-${group}.test.ts`)), group).toBe(true);
  });
});
