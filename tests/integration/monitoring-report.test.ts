import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { redact } from "@/lib/log/redact";
import { eraseMyContact, fileReport, readReceipt, replyAsReporter } from "@/lib/monitoring/commands";
import { generateKey, keyIdOf } from "@/lib/monitoring/crypto";
import { RECEIPT_BITS, newReceiptCode, normalizeReceiptCode, receiptHash } from "@/lib/monitoring/receipt-code";
import { rotateMonitoringKey } from "@/lib/monitoring/rotation";
import { openMessage, openReport, sealMessage } from "@/lib/monitoring/sealed";
import { buildWorld, resetDatabase } from "../helpers/factories";
import { appError, outcome } from "../helpers/outcomes";
import { deliverQueuedMail } from "../helpers/mail";

// Issue 13, the reporter's side: a report is filed by anyone, sealed, followed with a receipt
// code that only exists in the answer, and nothing a reporter wrote is readable in any table.

let sql: pg.Client;
beforeAll(async () => {
  sql = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await sql.connect();
});
afterAll(() => sql.end());

let world: Awaited<ReturnType<typeof buildWorld>>;
beforeEach(async () => {
  await resetDatabase();
  world = await buildWorld();
});

const MARKERS = {
  narrative: "MARKERNARRATIVE Tapachula estación migratoria",
  place: "MARKERPLACE Chiapas",
  affected: "MARKERAFFECTED un grupo de doce personas",
  evidenceText: "MARKEREVIDENCE fotos guardadas",
  link: "https://example.org/markerlink",
  contact: "markercontact@example.org",
};

const valid = (extra: Record<string, unknown> = {}) => ({
  language: "es",
  country: "MX",
  place: MARKERS.place,
  occurredFrom: "2026-03-01",
  occurredTo: "2026-03-04",
  categories: ["DETENTION", "DEFENDER_HARASSMENT"],
  affected: MARKERS.affected,
  perpetrator: "STATE_AGENTS",
  narrative: MARKERS.narrative,
  evidenceLinks: MARKERS.link,
  evidenceText: MARKERS.evidenceText,
  objectives: ["13", "8"],
  contact: MARKERS.contact,
  ...extra,
});

const NOW = new Date("2026-06-10T15:00:00Z");
let addressCounter = 0;
/** A fresh address per call, so the rate limit only bites where a test wants it. */
const fresh = (now = NOW) => ({ address: `198.51.100.${++addressCounter % 250}`, now });

/** Every row of every public table, as text, bytes decoded as latin1 too. */
async function everyRowAsText(): Promise<string> {
  const { rows: tables } = await sql.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'`);
  const parts: string[] = [];
  for (const { name } of tables) {
    const { rows } = await sql.query<{ row: string }>(`SELECT t::text AS row FROM "${name}" t`);
    parts.push(...rows.map((r) => r.row));
  }
  for (const table of ["MonitoringReport", "MonitoringMessage"]) {
    const { rows } = await sql.query<{ sealed: Buffer }>(`SELECT "sealed" FROM "${table}"`);
    parts.push(...rows.map((r) => r.sealed.toString("latin1"), ...rows.map((r) => r.sealed.toString("utf8"))));
  }
  return parts.join("\n");
}

describe("filing a report", () => {
  it("stores no plaintext in any table, no receipt code, no address and no account link", async () => {
    const address = "203.0.113.77";
    const result = await fileReport(world.actors.participant, valid(), { address, now: NOW });
    expect(result.receipt).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){5}[0-9A-HJKMNP-TV-Z]{4}$/);
    const everything = await everyRowAsText();
    for (const marker of Object.values(MARKERS)) expect(everything).not.toContain(marker.split(" ")[0].replace("https://", ""));
    expect(everything).not.toContain(result.receipt);
    expect(everything).not.toContain(normalizeReceiptCode(result.receipt));
    expect(everything).not.toContain(address);
    const { rows: reportRows } = await sql.query<{ row: string }>(`SELECT t::text AS row FROM "MonitoringReport" t`);
    expect(reportRows[0].row).not.toContain(world.users.participant.id);

    const row = await db.monitoringReport.findUniqueOrThrow({ where: { id: result.id } });
    expect(row.receiptHash).toBe(receiptHash(result.receipt));
    expect(row.reporterId).toBeNull();
    expect(row.possibleSpam).toBe(false);
    expect(row.hasContact).toBe(true);
    expect(row.objectives).toEqual([8, 13]);
    expect(openReport(row)).toEqual({
      narrative: MARKERS.narrative,
      place: MARKERS.place,
      affected: MARKERS.affected,
      evidence: { links: [MARKERS.link], text: MARKERS.evidenceText },
      contact: MARKERS.contact,
    });
    // No audit row, notification or mail; the case history has one line without an actor.
    expect(await db.auditEntry.count({ where: { entityType: { startsWith: "Monitoring" } } })).toBe(0);
    expect(await db.notification.count()).toBe(0);
    await deliverQueuedMail();
    expect(await db.outboxEmail.count()).toBe(0);
    expect(await db.monitoringCaseEvent.findMany({ select: { action: true, actorId: true, data: true } })).toEqual([{ action: "report.filed", actorId: null, data: {} }]);
    // The rate-limit counters are keyed on an HMAC, never the address.
    const keys = (await db.rateLimitCounter.findMany()).map((c) => c.key);
    expect(keys.some((k) => k.startsWith("monitoring.file:"))).toBe(true);
    expect(keys.join()).not.toContain("203.0.113");
  });

  it("links the account only when the signed-in person ticks the box; a visitor's tick links nothing", async () => {
    const linked = await fileReport(world.actors.participant, valid({ linkAccount: "on" }), fresh());
    const anonymous = await fileReport(null, valid({ linkAccount: "on" }), fresh());
    expect((await db.monitoringReport.findUniqueOrThrow({ where: { id: linked.id } })).reporterId).toBe(world.users.participant.id);
    expect((await db.monitoringReport.findUniqueOrThrow({ where: { id: anonymous.id } })).reporterId).toBeNull();
  });

  it("consents default to no; each ticked box is a yes", async () => {
    const none = await fileReport(null, valid(), fresh());
    const all = await fileReport(null, valid({ consentPublish: "on", consentContact: "on", consentRefer: "on" }), fresh());
    const pick = { consentPublish: true, consentContact: true, consentRefer: true } as const;
    expect(await db.monitoringReport.findUniqueOrThrow({ where: { id: none.id }, select: pick })).toEqual({ consentPublish: false, consentContact: false, consentRefer: false });
    expect(await db.monitoringReport.findUniqueOrThrow({ where: { id: all.id }, select: pick })).toEqual({ consentPublish: true, consentContact: true, consentRefer: true });
  });

  it("refuses bad input field by field: unknown country, end before start, a future date, an unsafe link, no category", async () => {
    const field = async (input: Record<string, unknown>) => (await appError(fileReport(null, input, fresh()))).fieldErrors;
    expect((await field(valid({ country: "ES" }))).country).toEqual([{ key: "monitoring.unknownCountry" }]);
    expect((await field(valid({ country: "XX" }))).country).toEqual([{ key: "monitoring.unknownCountry" }]);
    expect((await field(valid({ occurredTo: "2026-02-01" }))).occurredTo).toEqual([{ key: "monitoring.endBeforeStart" }]);
    expect((await field(valid({ occurredFrom: "2026-06-11", occurredTo: "" }))).occurredFrom).toEqual([{ key: "monitoring.futureDate" }]);
    expect((await field(valid({ occurredTo: "2026-07-01" }))).occurredTo).toEqual([{ key: "monitoring.futureDate" }]);
    expect((await field(valid({ evidenceLinks: "javascript:alert(1)" }))).evidenceLinks).toBeDefined();
    expect((await field(valid({ evidenceLinks: "https://ok.example.org\nftp://files.example.org" }))).evidenceLinks).toBeDefined();
    expect((await field(valid({ categories: [] }))).categories).toBeDefined();
    expect((await field(valid({ narrative: "corto" }))).narrative).toEqual([{ key: "tooShort", values: { min: 20 } }]);
    expect((await field(valid({ perpetrator: "NEIGHBOURS" }))).perpetrator).toBeDefined();
    // Today is fine; so is a single day.
    expect(await outcome(fileReport(null, valid({ occurredFrom: "2026-06-10", occurredTo: "" }), fresh()))).toBe("ok");
    expect(await db.monitoringReport.count()).toBe(1);
  });

  it("a filled honeypot answers the same and keeps the report, marked possible spam; so do many links", async () => {
    const bot = await fileReport(null, valid({ website: "http://spam.example" }), fresh());
    expect(bot.receipt).toMatch(/^[0-9A-Z-]{29}$/);
    const links = Array.from({ length: 6 }, (_, i) => `https://spam${i}.example.org`).join("\n");
    const linky = await fileReport(null, valid({ evidenceLinks: links }), fresh());
    const human = await fileReport(null, valid(), fresh());
    const spam = async (id: string) => (await db.monitoringReport.findUniqueOrThrow({ where: { id } })).possibleSpam;
    expect([await spam(bot.id), await spam(linky.id), await spam(human.id)]).toEqual([true, true, false]);
  });

  it("limits filings per address (five an hour), without blocking another address", async () => {
    const address = { address: "192.0.2.9", now: NOW };
    for (let i = 0; i < 5; i++) await fileReport(null, valid(), address);
    expect(await outcome(fileReport(null, valid(), address))).toBe("rate_limited");
    expect(await outcome(fileReport(null, valid(), { address: "192.0.2.10", now: NOW }))).toBe("ok");
    // A failed form does not use up the allowance.
    expect(await outcome(fileReport(null, valid({ country: "XX" }), { address: "192.0.2.11", now: NOW }))).toBe("invalid");
    // The next day the keys are new.
    expect(await outcome(fileReport(null, valid(), { address: "192.0.2.9", now: new Date("2026-06-11T15:00:00Z") }))).toBe("ok");
  });
});

describe("the receipt code", () => {
  it("has at least 100 bits, no ambiguous characters, and reads back the same however it is typed", () => {
    expect(RECEIPT_BITS).toBeGreaterThanOrEqual(100);
    const codes = new Set(Array.from({ length: 200 }, newReceiptCode));
    expect(codes.size).toBe(200);
    for (const code of codes) expect(code).not.toMatch(/[ILOU]/);
    expect(receiptHash("7kq2 m9xd 4hbt 0rzc e5wn p8ga")).toBe(receiptHash("7KQ2-M9XD-4HBT-0RZC-E5WN-P8GA"));
    expect(receiptHash("7KQ2-M9XD-4HBT-ORZC-E5WN-P8GA")).toBe(receiptHash("7KQ2-M9XD-4HBT-0RZC-E5WN-P8GA"));
  });

  it("opens the case with its status and messages; a wrong, malformed or empty code gets one same answer", async () => {
    const { receipt, id } = await fileReport(null, valid(), fresh());
    const view = await readReceipt(null, { receipt: receipt.toLowerCase().replace(/-/g, " ") }, fresh());
    expect(view).toMatchObject({ status: "RECEIVED", closed: false, contact: "given", messages: [] });
    expect(JSON.stringify(view)).not.toContain("MARKER");

    const wrong = await appError(readReceipt(null, { receipt: newReceiptCode() }, fresh()));
    const malformed = await appError(readReceipt(null, { receipt: "<script>" }, fresh()));
    const empty = await appError(readReceipt(null, {}, fresh()));
    const typed = await appError(readReceipt(null, { receipt: 42 }, fresh()));
    for (const error of [wrong, malformed, empty, typed]) {
      expect({ kind: error.kind, message: error.userMessage, fields: error.fieldErrors }).toEqual({ kind: "not_found", message: { key: "monitoring.noReport" }, fields: {} });
    }

    // A reviewer's message (written as the reviewers' side will) shows as new once, then as read.
    await db.monitoringMessage.create({ data: { reportId: id, fromReporter: false, ...sealMessage({ body: "¿Puede contarnos más?" }) } });
    const first = await readReceipt(null, { receipt }, fresh(new Date()));
    expect(first.messages).toMatchObject([{ fromReporter: false, body: "¿Puede contarnos más?", isNew: true }]);
    const second = await readReceipt(null, { receipt }, fresh(new Date()));
    expect(second.messages[0].isNew).toBe(false);
  });

  it("limits attempts per address, counting every try", async () => {
    const address = { address: "192.0.2.50", now: NOW };
    for (let i = 0; i < 30; i++) await outcome(readReceipt(null, { receipt: newReceiptCode() }, address));
    const { receipt } = await fileReport(null, valid(), fresh());
    expect(await outcome(readReceipt(null, { receipt }, address))).toBe("rate_limited");
    expect(await outcome(readReceipt(null, { receipt }, fresh()))).toBe("ok");
  });

  it("takes the reporter's sealed answer and records it in the case history, never in the audit log", async () => {
    const { receipt, id } = await fileReport(null, valid(), fresh());
    const view = await replyAsReporter(world.actors.participant, { receipt, body: "MARKERREPLY Sigo en el mismo lugar." }, fresh());
    expect(view.messages).toMatchObject([{ fromReporter: true, body: "MARKERREPLY Sigo en el mismo lugar.", isNew: false }]);
    const message = await db.monitoringMessage.findFirstOrThrow({ where: { reportId: id } });
    expect(message.authorId).toBeNull();
    expect(openMessage(message).body).toContain("MARKERREPLY");
    expect(await everyRowAsText()).not.toContain("MARKERREPLY");
    expect((await db.monitoringCaseEvent.findMany({ orderBy: { createdAt: "asc" } })).map((e) => e.action)).toEqual(["report.filed", "reporter.replied"]);
    expect(await db.auditEntry.count({ where: { entityType: { startsWith: "Monitoring" } } })).toBe(0);
    expect((await appError(replyAsReporter(null, { receipt, body: "  " }, fresh()))).fieldErrors.body).toBeDefined();
    expect((await appError(replyAsReporter(null, { receipt: "nope", body: "Hola" }, fresh()))).userMessage).toEqual({ key: "monitoring.noReport" });
    await db.monitoringReport.update({ where: { id }, data: { closedAt: NOW } });
    expect(await outcome(replyAsReporter(null, { receipt, body: "Otra cosa" }, fresh()))).toBe("conflict");
  });

  it("erases the contact details inside the seal, once, and says so", async () => {
    const { receipt, id } = await fileReport(null, valid({ consentContact: "on" }), fresh());
    const view = await eraseMyContact(null, { receipt }, fresh());
    expect(view.contact).toBe("erased");
    const row = await db.monitoringReport.findUniqueOrThrow({ where: { id } });
    expect(row.hasContact).toBe(false);
    expect(row.contactErasedAt).not.toBeNull();
    expect(openReport(row)).toMatchObject({ contact: null, narrative: MARKERS.narrative });
    await eraseMyContact(null, { receipt }, fresh());
    expect((await db.monitoringCaseEvent.findMany()).filter((e) => e.action === "reporter.contact_erased")).toHaveLength(1);
    expect(await outcome(eraseMyContact(null, { receipt: "" }, fresh()))).toBe("not_found");
  });
});

describe("the logs", () => {
  it("censor what a report carries, at any depth", () => {
    const line = JSON.stringify(redact({ input: { narrative: "x", place: "y", affected: "z", evidenceText: "e", evidenceLinks: ["l"], contact: "c", receipt: "r", receiptCode: "rc" } }));
    expect(line).not.toMatch(/"(x|y|z|e|c|r|rc)"|\["l"\]/);
  });
});

describe("key rotation", () => {
  it("re-seals every report and message under the new key, in batches, and reads them back", async () => {
    const oldKey = process.env.MONITORING_KEY;
    const reports = [];
    for (let i = 0; i < 5; i++) reports.push(await fileReport(null, valid(), fresh()));
    await replyAsReporter(null, { receipt: reports[0].receipt, body: "Un mensaje sellado." }, fresh());
    const newKey = generateKey();
    process.env.MONITORING_KEY_PREVIOUS = oldKey;
    process.env.MONITORING_KEY = newKey;
    try {
      const counts = await rotateMonitoringKey((work) => db.$transaction(work), { batchSize: 2 });
      expect(counts).toEqual({ reports: 5, messages: 1, batches: 4 });
      const newId = keyIdOf(Buffer.from(newKey, "base64"));
      expect(new Set((await db.monitoringReport.findMany()).map((r) => r.keyId))).toEqual(new Set([newId]));
      expect((await db.monitoringMessage.findFirstOrThrow()).keyId).toBe(newId);
      // Without the old key everything still opens.
      delete process.env.MONITORING_KEY_PREVIOUS;
      for (const row of await db.monitoringReport.findMany()) expect(openReport(row).narrative).toBe(MARKERS.narrative);
      expect((await readReceipt(null, { receipt: reports[0].receipt }, fresh())).messages[0].body).toBe("Un mensaje sellado.");
      // A second run finds nothing to do.
      expect(await rotateMonitoringKey((work) => db.$transaction(work))).toEqual({ reports: 0, messages: 0, batches: 0 });
    } finally {
      process.env.MONITORING_KEY = oldKey;
      delete process.env.MONITORING_KEY_PREVIOUS;
    }
  });
});
