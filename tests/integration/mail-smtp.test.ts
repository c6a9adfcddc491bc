import type { AddressInfo } from "node:net";
import { SMTPServer, type SMTPServerAddress } from "smtp-server";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import type { Mail } from "@/lib/mail/send";

// sendMail over a real SMTP server listening on this machine: what nodemailer writes on the wire
// is read back here, so a wrong envelope or a mangled encoding fails the test.

type Received = { from: string; to: string[]; raw: string };

const REFUSED = "refused@example.test";
const received: Received[] = [];
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onRcptTo(address: SMTPServerAddress, _session, callback) {
    if (address.address === REFUSED) {
      callback(Object.assign(new Error("Mailbox unavailable"), { responseCode: 550 }));
      return;
    }
    callback();
  },
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("end", () => {
      const { mailFrom, rcptTo } = session.envelope;
      received.push({ from: mailFrom ? mailFrom.address : "", to: rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString("utf8") });
      callback();
    });
  },
});

/** RFC 2047 words (=?UTF-8?B?…?= / =?UTF-8?Q?…?=) as nodemailer writes non-ASCII headers. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_all, encoding: string, data: string) =>
      encoding.toLowerCase() === "b"
        ? Buffer.from(data, "base64").toString("utf8")
        : decodeQuotedPrintable(data.replace(/_/g, " ")),
    );
}

function decodeQuotedPrintable(value: string): string {
  const soft = value.replace(/=\r?\n/g, "");
  const bytes: number[] = [];
  for (let i = 0; i < soft.length; i++) {
    const hex = soft.slice(i + 1, i + 3);
    if (soft[i] === "=" && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(soft[i], "utf8"));
  }
  return Buffer.from(bytes).toString("utf8");
}

/** The headers and the decoded body of a single-part text message. */
function parseMessage(raw: string) {
  const split = raw.indexOf("\r\n\r\n");
  const headerLines = raw.slice(0, split).replace(/\r\n[ \t]+/g, " ").split("\r\n");
  const headers = new Map(headerLines.map((line) => [line.slice(0, line.indexOf(":")).toLowerCase(), line.slice(line.indexOf(":") + 1).trim()]));
  const encoded = raw.slice(split + 4);
  const transfer = (headers.get("content-transfer-encoding") ?? "7bit").toLowerCase();
  const body =
    transfer === "base64" ? Buffer.from(encoded.replace(/\s+/g, ""), "base64").toString("utf8") : transfer === "quoted-printable" ? decodeQuotedPrintable(encoded) : encoded;
  return { headers, subject: decodeWords(headers.get("subject") ?? ""), text: body.replace(/\r\n/g, "\n").replace(/\n$/, "") };
}

/** A fresh copy of lib/mail/send.ts: it keeps its transport in a module variable, built from the first SMTP_URL it saw. */
async function freshSendMail(): Promise<(mail: Mail) => Promise<void>> {
  vi.resetModules();
  return (await import("@/lib/mail/send")).sendMail;
}

const savedEnv = { SMTP_URL: process.env.SMTP_URL, MAIL_FROM: process.env.MAIL_FROM };

describe("sendMail over SMTP", () => {
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.server.address() as AddressInfo;
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
    process.env.MAIL_FROM = "Puente <puente@example.test>";
  });
  beforeEach(() => {
    received.length = 0;
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    for (const [key, value] of Object.entries(savedEnv)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  it("delivers one message with the right envelope, and subject and text intact in any language", async () => {
    const sendMail = await freshSendMail();
    const subject = "Atenção: sesión reprogramada — réunion «Niñez» 🌎";
    const text = [
      "Estimada Graça,",
      "",
      "La sesión sobre niñez migrante se reprogramó. A réunion aura lieu à 15 h — não às 14 h.",
      // A line that starts with a dot: SMTP must escape it and the server unescape it.
      ".Una línea que empieza con punto.",
      `Un enlace largo: https://puente.example.test/es/sessions/${"a".repeat(120)}?ñ=ç`,
    ].join("\n");
    const outboxBefore = await db.outboxEmail.count();

    await sendMail({ to: "graca@example.test", subject, text });

    expect(received).toHaveLength(1);
    const [message] = received;
    expect(message.from).toBe("puente@example.test");
    expect(message.to).toEqual(["graca@example.test"]);
    const parsed = parseMessage(message.raw);
    expect(parsed.headers.get("from")).toBe("Puente <puente@example.test>");
    expect(parsed.headers.get("to")).toBe("graca@example.test");
    expect(parsed.headers.get("content-type")).toMatch(/^text\/plain; charset=utf-8/i);
    expect(parsed.subject).toBe(subject);
    expect(parsed.text).toBe(text);
    // With SMTP the outbox table is not written.
    expect(await db.outboxEmail.count()).toBe(outboxBefore);
  });

  it("throws when the server refuses, and logs the subject but never the body", async () => {
    const sendMail = await freshSendMail();
    const logged: string[] = [];
    vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
      logged.push(args.map(String).join(" "));
    });
    const body = "Su enlace personal: https://puente.example.test/es/nominations/secret-token-123";

    await expect(sendMail({ to: REFUSED, subject: "Invitación — sesión de revisión", text: body })).rejects.toThrow(/550|rejected/i);

    expect(received).toHaveLength(0);
    expect(logged).toHaveLength(1);
    const line = JSON.parse(logged[0]) as { level: string; context: string; subject: string; error: { message: string } };
    expect(line).toMatchObject({ level: "error", context: "mail.send", subject: "Invitación — sesión de revisión" });
    expect(line.error.message).toMatch(/550|rejected/i);
    expect(logged[0]).not.toContain("secret-token-123");
    expect(logged[0]).not.toContain("enlace personal");
  });

  it("still delivers after a refusal (the cached transport is not left broken)", async () => {
    const sendMail = await freshSendMail();
    vi.spyOn(console, "error").mockImplementation(() => {});
    await expect(sendMail({ to: REFUSED, subject: "Primero", text: "uno" })).rejects.toThrow();
    await sendMail({ to: "ana@example.test", subject: "Segundo", text: "dos" });
    expect(received.map((m) => ({ to: m.to, subject: parseMessage(m.raw).subject }))).toEqual([{ to: ["ana@example.test"], subject: "Segundo" }]);
  });
});
