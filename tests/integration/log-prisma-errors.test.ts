import { randomBytes } from "node:crypto";
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { logError } from "@/lib/log";

// Prisma's messages render the failed call with its arguments and Postgres quotes the value it
// refused: the errors the real client throws are logged with their reason and code, never the values.

let lines: string[];
beforeEach(() => {
  lines = [];
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(" ")));
});
afterEach(() => {
  vi.restoreAllMocks();
});

async function caught(work: Promise<unknown>): Promise<unknown> {
  try {
    await work;
  } catch (error) {
    return error;
  }
  throw new Error("expected the query to fail");
}

it("logs what Prisma and Postgres refused without the values the query carried", async () => {
  const suffix = randomBytes(4).toString("hex");
  const email = `log-${suffix}@example.test`;
  const hash = `HASH-SECRET-${suffix}`;
  const token = randomBytes(32).toString("base64url");
  await db.user.create({ data: { email, name: "Ana", passwordHash: hash } });

  const duplicate = await caught(db.user.create({ data: { email, name: "Ana", passwordHash: `${hash}-2` } }));
  // @ts-expect-error a wrong type on purpose: Prisma renders the whole call, passwordHash included
  const invalid = await caught(db.user.create({ data: { email: `x-${email}`, name: 5, passwordHash: `${hash}-3` } }));
  const raw = await caught(db.$queryRaw`SELECT ${token}::int`);
  const rawKey = await caught(db.$executeRawUnsafe(`INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt") SELECT gen_random_uuid(), $1, 'n', $2, now()`, email, `${hash}-4`));

  for (const error of [duplicate, invalid, raw, rawKey]) logError("test.prisma", error);

  const text = lines.join("\n");
  for (const secret of [hash, email, token, "Ana"]) expect(text).not.toContain(secret);
  const errors = lines.map((line) => (JSON.parse(line) as { error: { name: string; code?: string; message: string; stack: string } }).error);
  expect(errors.map((e) => [e.name, e.code])).toEqual([
    ["PrismaClientKnownRequestError", "P2002"],
    ["PrismaClientValidationError", undefined],
    ["PrismaClientKnownRequestError", "P2010"],
    ["PrismaClientKnownRequestError", "P2010"],
  ]);
  expect(errors[0].message).toBe("Unique constraint failed on the constraint: `User_email_key`");
  expect(errors[1].message).toBe("Argument `name`: Invalid value provided. Expected String, provided Int.");
  expect(errors[2].message).toContain("22P02");
  expect(errors[3].message).toContain("23505");
  expect(errors[1].stack).toContain("log-prisma-errors.test.ts");
});
