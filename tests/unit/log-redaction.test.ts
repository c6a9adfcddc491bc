import { randomBytes } from "node:crypto";
import { EventEmitter } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { logError, logInfo } from "@/lib/log";
import { guardConsole } from "@/lib/log/console";
import { trackRequestIds, withRequestId } from "@/lib/log/request-id";

// Issue 11: whatever a caller hands the logger, no secret reaches the output, and what is
// not secret (the context, ids, the error's name and where it was thrown) still does.

let lines: string[];
beforeEach(() => {
  lines = [];
  const capture = (...args: unknown[]) => void lines.push(args.map(String).join(" "));
  vi.spyOn(console, "log").mockImplementation(capture);
  vi.spyOn(console, "error").mockImplementation(capture);
  vi.spyOn(console, "warn").mockImplementation(capture);
});
afterEach(() => {
  vi.restoreAllMocks();
});

const output = () => lines.join("\n");
const parsed = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
/** Our tokens: 32 random bytes in base64url, 43 characters. */
const token = () => randomBytes(32).toString("base64url");

function expectNone(secrets: string[]) {
  const text = output();
  for (const secret of secrets) expect(text, `leaked ${secret.slice(0, 20)}…`).not.toContain(secret);
}

describe("log lines", () => {
  it("censor secret-bearing keys at any depth, in arrays, maps and headers", () => {
    const secrets = {
      password: "hunter2-correct-horse",
      newPassword: "n3w-battery-staple",
      resetToken: "rst_fedcba9876543210",
      receiptCode: "RCPT-7Q2M-99XK",
      cookie: "next-auth.session-token=abc.def.ghi",
      authorization: "Bearer live-abcdef-123456",
      apiKey: "k-0f0f0f0f0f",
      clientSecret: "shh-its-a-secret",
      deep: "deep-password-at-level-12",
      listed: "listed-token-value-1",
      mapped: "mapped-cookie-value-1",
      header: "header-authorization-1",
      setPassword: "set-password-1",
    };
    let deep: Record<string, unknown> = { password: secrets.deep };
    for (let level = 0; level < 12; level++) deep = { level, next: deep };
    logError("hostile.keys", new Error("boom"), {
      userId: "0b7c5a2e-4a5f-4c1e-9d55-3f8d2a0c6b11",
      subject: "Invitación — sesión de revisión",
      form: { email: "ana@example.test", password: secrets.password, nested: { NEW_PASSWORD: secrets.newPassword, list: [{ resetToken: secrets.resetToken }] } },
      receipt: { receiptCode: secrets.receiptCode },
      request: {
        method: "POST",
        headers: { cookie: secrets.cookie, Authorization: secrets.authorization, "x-api-key": secrets.apiKey, accept: "text/html" },
      },
      config: { clientSecret: secrets.clientSecret },
      deep,
      tokens: [secrets.listed],
      seen: new Set(["visible", { password: secrets.setPassword }]),
      jar: new Map([["session-cookie", secrets.mapped]]),
      fetchHeaders: new Headers({ authorization: secrets.header, "content-type": "application/json" }),
    });

    expectNone(Object.values(secrets));
    const [line] = parsed();
    expect(line).toMatchObject({
      level: "error",
      context: "hostile.keys",
      userId: "0b7c5a2e-4a5f-4c1e-9d55-3f8d2a0c6b11",
      subject: "Invitación — sesión de revisión",
      form: { email: "ana@example.test", password: "[REDACTED]" },
      request: { method: "POST", headers: { accept: "text/html", cookie: "[REDACTED]" } },
      fetchHeaders: { "content-type": "application/json", authorization: "[REDACTED]" },
      seen: ["visible", { password: "[REDACTED]" }],
      error: { name: "Error", message: "boom" },
    });
  });

  it("censor what people wrote: report and proposal text, comments, mail bodies", () => {
    const confidential = ["Texto confidencial del párrafo 3", "## Borrador no publicado", "Comentario interno sobre la OSC", "Estimado equipo, su enlace"];
    logInfo("report.saved", {
      versionId: "v-17",
      version: { title: "Informe regional 2026", body: confidential[1], paragraphs: [{ anchor: "p-3", text: confidential[0], markdown: confidential[1] }] },
      comment: { id: "c-1", body: confidential[2], proposedText: confidential[0] },
      mail: { subject: "Informe final publicado", text: confidential[3], html: `<p>${confidential[3]}</p>` },
    });
    expectNone(confidential);
    expect(parsed()[0]).toMatchObject({ context: "report.saved", versionId: "v-17", version: { title: "Informe regional 2026", paragraphs: [{ anchor: "p-3" }] } });
  });

  it("censor token-shaped values under innocent keys and inside text", () => {
    const invitation = token();
    const session = `eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..${randomBytes(12).toString("base64url")}.${randomBytes(200).toString("base64url")}.${randomBytes(16).toString("base64url")}`;
    const secrets = [invitation, session, "b3arer-value-42", "q-reset-9981", "dbpass-771"];
    logInfo("hostile.text", {
      link: `https://puente.example.test/es/invitations/${invitation}`,
      items: ["plain", invitation, { ref: invitation }],
      raw: `Cookie: next-auth.session-token=${session}; theme=dark`,
      header: "Authorization: Bearer b3arer-value-42",
      url: new URL("https://puente.example.test/es/reset?token=q-reset-9981&lang=es"),
      db: "postgres://puente:dbpass-771@db.internal:5432/puente",
      note: "Proposal 0b7c5a2e-4a5f-4c1e-9d55-3f8d2a0c6b11 moved",
    });
    expectNone(secrets);
    const [line] = parsed();
    expect(line.note).toBe("Proposal 0b7c5a2e-4a5f-4c1e-9d55-3f8d2a0c6b11 moved");
    expect(line.link).toBe("https://puente.example.test/es/invitations/[REDACTED]");
    expect(String(line.url)).toContain("lang=es");
    expect(String(line.db)).toContain("db.internal:5432");
  });

  it("keep an error's name, message and stack, but not the secrets its message (or its cause) quotes", () => {
    const invitation = token();
    const error = new Error(`Invitation ${invitation} not found for password=hunter2-quoted`, {
      cause: Object.assign(new Error('invalid input syntax for type integer: "TOKEN-IN-QUERY-5"'), { detail: "Key (email)=(ana.secreta@example.test) already exists." }),
    });
    logError("hostile.error", error);
    expectNone([invitation, "hunter2-quoted", "TOKEN-IN-QUERY-5", "ana.secreta@example.test"]);
    const line = parsed()[0] as { error: { name: string; message: string; stack: string; cause: { message: string } } };
    expect(line.error.name).toBe("Error");
    expect(line.error.message).toBe("Invitation [REDACTED] not found for password=[REDACTED]");
    expect(line.error.stack.split("\n")[0]).toBe(`Error: ${line.error.message}`);
    expect(line.error.stack).toContain("log-redaction.test.ts");
    expect(line.error.cause.message).toBe('invalid input syntax for type integer: "[REDACTED]"');
  });

  it("name a live object an error carries (pg's client on a pool error) rather than dump its state", () => {
    class Client extends EventEmitter {
      connectionParameters = { user: "postgres", host: "db.internal", port: 5432 };
      queryQueue = ["SELECT 1"];
    }
    const error = Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01", severity: "FATAL", client: new Client(), tokenStore: new Client() });
    logError("jobs.pool", error);
    const line = parsed()[0] as { error: Record<string, unknown> };
    // Named under its key, and a key that names a secret is still censored.
    expect(line.error).toMatchObject({ message: "terminating connection due to administrator command", code: "57P01", severity: "FATAL", client: "[Client]", tokenStore: "[REDACTED]" });
    expect(output()).not.toContain("db.internal");
  });

  it("keep only the reason of a Prisma error, not the call it renders with its arguments", () => {
    // The shape Prisma throws: the call site, then the arguments with their values, then the reason.
    const error = Object.assign(
      new Error(
        '\nInvalid `db.user.create()` invocation in\n/app/lib/accounts/commands.ts:8:17\n\n→ 8 await db.user.create({\n      data: {\n        email: "x@example.test",\n        name: 5,\n        passwordHash: "HASH-SECRET-3"\n      }\n    })\n\nArgument `name`: Invalid value provided. Expected String, provided Int.',
      ),
      { clientVersion: "7.10.1" },
    );
    error.name = "PrismaClientValidationError";
    const known = Object.assign(new Error("\nInvalid `prisma.$queryRaw()` invocation:\n\n\nRaw query failed. Code: `22P02`. Message: `invalid input syntax for type uuid: \"rst_leaked\"`"), {
      code: "P2010",
      meta: { driverAdapterError: { cause: { originalCode: "22P02", originalMessage: 'invalid input syntax for type uuid: "rst_leaked"' } } },
    });
    known.name = "PrismaClientKnownRequestError";
    logError("hostile.prisma", error);
    logError("hostile.prisma", known);
    expectNone(["HASH-SECRET-3", "x@example.test", "rst_leaked"]);
    const [validation, raw] = parsed() as { error: Record<string, unknown> }[];
    expect(validation.error).toMatchObject({ name: "PrismaClientValidationError", message: "Argument `name`: Invalid value provided. Expected String, provided Int.", clientVersion: "7.10.1" });
    expect(raw.error).toMatchObject({ code: "P2010", meta: { driverAdapterError: { cause: { originalCode: "22P02" } } } });
  });

  it("survive cycles, throwing getters, odd keys and huge values, within a bounded line", () => {
    const cyclic: Record<string, unknown> = { id: "cyc-1" };
    cyclic.self = cyclic;
    cyclic.child = { parent: cyclic, password: "cyclic-password-1" };
    const trap = Object.defineProperty({ ok: 1 }, "boom", {
      enumerable: true,
      get() {
        throw new Error("getter-secret-unread");
      },
    });
    const edge = token();
    // A token cut in half by the length limit: neither half is written.
    const straddling = `${"x ".repeat(995)}${edge}${" y".repeat(10)}`;
    const megabyte = `${"a".repeat(1024 * 1024 - 50)} password=megabyte-secret-1`;
    const wide = Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, i === 99_999 ? "wide-secret-last" : i]));
    logInfo("hostile.shapes", {
      cyclic,
      trap,
      straddling,
      megabyte,
      megabytes: Array.from({ length: 50 }, () => megabyte),
      wide,
      long: Array.from({ length: 1_000_000 }, (_, i) => i),
      big: 2n ** 70n,
      odd: JSON.parse('{"__proto__": {"polluted": true}, "constructor": "c"}'),
    });
    logError("hostile.thrown", "a string thrown with password=thrown-secret-1", { weird: Symbol("s") });

    expectNone(["cyclic-password-1", "getter-secret-unread", edge.slice(0, 8), edge.slice(-8), "megabyte-secret-1", "wide-secret-last", "thrown-secret-1"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const [shapes, thrown] = parsed();
    expect(shapes).toMatchObject({ cyclic: { id: "cyc-1", self: "[Circular]", child: { parent: "[Circular]" } }, trap: { ok: 1, boom: "[Unreadable]" }, big: "1180591620717411303424" });
    expect(lines[0].length).toBeLessThan(150_000);
    expect(thrown).toMatchObject({ level: "error", context: "hostile.thrown", error: { value: "a string thrown with password=[REDACTED]" } });
    // No timing assertion: the bounded line above is what keeps logging cheap, and a busy machine
    // must not fail the suite; the generous timeout only stops a runaway walk.
  }, 30_000);

  it("cannot be spoofed by a caller's fields", () => {
    logInfo("real.context", { level: "fatal", context: "fake", at: "never", requestId: "forged" });
    expect(parsed()[0]).toMatchObject({ level: "info", context: "real.context" });
    expect(parsed()[0].requestId).toBeUndefined();
    expect(parsed()[0].at).not.toBe("never");
  });
});

describe("what Next and libraries print on a production server", () => {
  it("goes through the same redaction, while our own lines pass unchanged", () => {
    const undo = guardConsole();
    try {
      const prisma = Object.assign(new Error('\nInvalid `db.user.update()` invocation:\n\n      data: {\n        passwordHash: "HASH-SECRET-9"\n      }\n\nUnknown argument `pasword`.'), {
        digest: "3519111272",
      });
      prisma.name = "PrismaClientValidationError";
      const invitation = token();
      console.error(" ⨯", prisma);
      console.warn(`retrying /es/invitations/${invitation}?token=short-tok-1`, { headers: { cookie: "sess=cookie-secret-9" } });
      logError("own.line", new Error("boom"), { tokens: ["abc"], note: "[kept]" });
      expectNone(["HASH-SECRET-9", invitation, "short-tok-1", "cookie-secret-9"]);
      expect(lines[0]).toContain("Unknown argument `pasword`.");
      expect(lines[0]).toContain("3519111272");
      expect(JSON.parse(lines[2])).toMatchObject({ context: "own.line", tokens: "[REDACTED]", note: "[kept]" });
    } finally {
      undo();
    }
  });
});

describe("request ids", () => {
  it("are on every line written while serving a request, the same across awaits, echoed to the client, and absent outside", async () => {
    trackRequestIds();
    const server = http.createServer(async (request, response) => {
      logInfo("test.request.start", { path: request.url });
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20));
      logError("test.request.fail", new Error("after an await"));
      response.end("ok");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as AddressInfo).port;
    try {
      const get = (headers: Record<string, string> = {}) =>
        new Promise<string | undefined>((resolve, reject) => {
          http
            .get({ host: "127.0.0.1", port, path: "/x", headers }, (response) => {
              response.resume();
              response.on("end", () => resolve(response.headers["x-request-id"] as string | undefined));
            })
            .on("error", reject);
        });
      const echoed = await Promise.all([get(), get(), get(), get({ "x-request-id": "edge-abc-12345" }), get({ "x-request-id": "bad id with spaces" })]);
      logInfo("test.outside");

      const byId = new Map<string, string[]>();
      for (const line of parsed()) {
        if (line.context === "test.outside") {
          expect(line.requestId).toBeUndefined();
          continue;
        }
        expect(typeof line.requestId).toBe("string");
        byId.set(line.requestId as string, [...(byId.get(line.requestId as string) ?? []), line.context as string]);
      }
      // Five requests, five ids, each on both of its request's lines (before and after the await).
      expect(byId.size).toBe(5);
      for (const contexts of byId.values()) expect(contexts.sort()).toEqual(["test.request.fail", "test.request.start"]);
      expect(new Set(echoed)).toEqual(new Set(byId.keys()));
      expect(echoed[3]).toBe("edge-abc-12345");
      expect(echoed[4]).not.toContain(" ");
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("can be given to work that runs outside a request", () => {
    withRequestId("job-1234abcd", () => logInfo("test.job"));
    logInfo("test.after");
    expect(parsed().map((line) => line.requestId)).toEqual(["job-1234abcd", undefined]);
  });
});
