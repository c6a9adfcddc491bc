import type { Tx } from "@/lib/commands/run";
import { lockRow } from "@/lib/db/locks";
import { notFound } from "@/lib/errors";

// What several review commands read; not exported from the index (only commands are).

const caseSelect = {
  id: true,
  status: true,
  assigneeId: true,
  lockedById: true,
  lockedUntil: true,
  closedAt: true,
  contactErasedAt: true,
  consentPublish: true,
  consentRefer: true,
} as const;

/** Locks the case row for the transaction (changes happen one after another) and reads its state, never the sealed blob. */
export async function loadCase(tx: Tx, reportId: string) {
  if (!(await lockRow(tx, "MonitoringReport", reportId))) throw notFound();
  return tx.monitoringReport.findUniqueOrThrow({ where: { id: reportId }, select: caseSelect });
}

/** Locks a summary and its case, and reads both. */
export async function loadSummary(tx: Tx, summaryId: string) {
  const row = await tx.monitoringSummary.findUnique({ where: { id: summaryId }, select: { reportId: true } });
  if (!row) throw notFound();
  const report = await loadCase(tx, row.reportId);
  await lockRow(tx, "MonitoringSummary", summaryId);
  const summary = await tx.monitoringSummary.findUniqueOrThrow({ where: { id: summaryId } });
  return { report, summary };
}

export const minutesLater = (now: Date, minutes: number) => new Date(now.getTime() + minutes * 60_000);
