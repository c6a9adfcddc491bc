import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, expect, it } from "vitest";
import { prismaClientIsFresh } from "../../scripts/lib/tasks";

// `npm start` and `npm test` regenerate the Prisma client only when it is stale: after a schema
// change, and after a Prisma upgrade that left the schema alone (the old client fails at run time).

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function generated(version: string, { clientAt, schemaAt }: { clientAt: number; schemaAt: number }) {
  dir = mkdtempSync(path.join(os.tmpdir(), "puente-client-"));
  mkdirSync(path.join(dir, "internal"), { recursive: true });
  const client = path.join(dir, "client.ts");
  const schema = path.join(dir, "schema.prisma");
  writeFileSync(client, "export {};\n");
  writeFileSync(path.join(dir, "internal", "class.ts"), `const config = {\n  "clientVersion": "${version}",\n}\n`);
  writeFileSync(schema, "// schema\n");
  utimesSync(client, clientAt, clientAt);
  utimesSync(schema, schemaAt, schemaAt);
  return { dir, schema };
}

it("keeps a client made by the installed Prisma after the last schema change", () => {
  const { dir, schema } = generated("7.10.1", { clientAt: 2_000, schemaAt: 1_000 });
  expect(prismaClientIsFresh(dir, schema, "7.10.1")).toBe(true);
});

it("remakes a client older than the schema", () => {
  const { dir, schema } = generated("7.10.1", { clientAt: 1_000, schemaAt: 2_000 });
  expect(prismaClientIsFresh(dir, schema, "7.10.1")).toBe(false);
});

it("remakes a client another Prisma made, even with the schema unchanged", () => {
  const { dir, schema } = generated("6.19.3", { clientAt: 2_000, schemaAt: 1_000 });
  expect(prismaClientIsFresh(dir, schema, "7.10.1")).toBe(false);
});

it("makes a client that is missing", () => {
  const { dir, schema } = generated("7.10.1", { clientAt: 2_000, schemaAt: 1_000 });
  rmSync(path.join(dir, "client.ts"));
  expect(prismaClientIsFresh(dir, schema, "7.10.1")).toBe(false);
});

it("finds the generated client of this checkout fresh once generated", () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "puente-client-"));
  expect(prismaClientIsFresh()).toBe(true);
});
