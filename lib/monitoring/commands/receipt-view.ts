import type { Tx } from "@/lib/commands/run";
import type { MonitoringCaseStatus } from "@/lib/generated/prisma/enums";
import { receiptHash } from "../receipt-code";
import { openMessage } from "../sealed";

// What the receipt page shows the person holding the code: the status in plain words, the
// messages both ways (opened here, on the server), and what is kept of their contact. Never
// the report's own text: it is sealed for the reviewers, and a stolen code must not reveal it.

export const RECEIPT_REPORT_SELECT = {
  id: true,
  status: true,
  createdAt: true,
  closedAt: true,
  hasContact: true,
  contactErasedAt: true,
  consentContact: true,
  reporterSeenAt: true,
  sealed: true,
  keyId: true,
} as const;

export type ReceiptReport = { id: string; status: MonitoringCaseStatus; createdAt: Date; closedAt: Date | null; hasContact: boolean; contactErasedAt: Date | null; consentContact: boolean; reporterSeenAt: Date | null; sealed: Uint8Array; keyId: string };

export type ReceiptMessage = { id: string; fromReporter: boolean; body: string; createdAt: string; isNew: boolean };

export type ReceiptView = {
  status: MonitoringCaseStatus;
  filedOn: string;
  closed: boolean;
  contact: "given" | "erased" | "none";
  consentContact: boolean;
  messages: ReceiptMessage[];
};

/** The report a code names, locked for the change that follows; null when none. */
export async function loadByReceipt(tx: Tx, receipt: string): Promise<ReceiptReport | null> {
  const hash = receiptHash(receipt);
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "MonitoringReport" WHERE "receiptHash" = ${hash} FOR UPDATE`;
  if (rows.length === 0) return null;
  return tx.monitoringReport.findUnique({ where: { id: rows[0].id }, select: RECEIPT_REPORT_SELECT });
}

/** The view after whatever the command did, read in its transaction. `seenBefore`: the visit before this one. */
export async function buildReceiptView(tx: Tx, report: ReceiptReport, seenBefore: Date | null): Promise<ReceiptView> {
  // One after another: a transaction is one connection, which runs one statement at a time.
  const fresh = await tx.monitoringReport.findUniqueOrThrow({ where: { id: report.id }, select: RECEIPT_REPORT_SELECT });
  const messages = await tx.monitoringMessage.findMany({ where: { reportId: report.id }, orderBy: { createdAt: "asc" }, select: { id: true, fromReporter: true, sealed: true, keyId: true, createdAt: true } });
  return {
    status: fresh.status,
    filedOn: fresh.createdAt.toISOString().slice(0, 10),
    closed: fresh.closedAt !== null,
    contact: fresh.contactErasedAt ? "erased" : fresh.hasContact ? "given" : "none",
    consentContact: fresh.consentContact,
    messages: messages.map((m) => ({
      id: m.id,
      fromReporter: m.fromReporter,
      body: openMessage(m).body,
      createdAt: m.createdAt.toISOString(),
      isNew: !m.fromReporter && (seenBefore === null || m.createdAt > seenBefore),
    })),
  };
}
