import { defineCommand, requires, type Tx } from "@/lib/commands/run";
import { recordCaseEvent } from "../case-events";
import { canReviewMonitoring } from "../policy";
import { contactRetentionDays } from "../retention";
import { eraseExpiredContactsSchema } from "../review-schemas";
import { openReport, sealReport } from "../sealed";

/** Rows per run: a long backlog is erased over a few runs, never in one long transaction. */
const BATCH = 100;

/** Erases the contacts due at `now`, at most BATCH of them (the work of both commands below). */
async function eraseDue(tx: Tx, now: Date): Promise<{ erased: number }> {
  const days = contactRetentionDays();
  const cutoff = new Date(now.getTime() - days * 86_400_000);
  // SKIP LOCKED: a case a reviewer is changing right now waits for the next run.
  const due = await tx.$queryRaw<{ id: string }[]>`
    SELECT id::text FROM "MonitoringReport"
    WHERE "closedAt" IS NOT NULL AND "closedAt" <= ${cutoff} AND "contactErasedAt" IS NULL
    ORDER BY "closedAt" LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`;
  for (const { id } of due) {
    const row = await tx.monitoringReport.findUniqueOrThrow({ where: { id }, select: { sealed: true, keyId: true } });
    const { sealed, keyId } = sealReport({ ...openReport(row), contact: null });
    await tx.monitoringReport.update({ where: { id }, data: { sealed, keyId, hasContact: false, contactErasedAt: now } });
    await recordCaseEvent(tx, id, null, "case.contact_erased", { retentionDays: days });
  }
  return { erased: due.length };
}

/**
 * Erases the reporter's contact from cases closed more than MONITORING_CONTACT_RETENTION_DAYS
 * (180) ago: the blob is re-sealed with contact null, contactErasedAt set, and the case history
 * says so (by no one: it is the rule, not whoever triggered it). The job queue runs it every
 * hour (eraseExpiredContactsOnSchedule, lib/jobs); a reviewer may still run it by hand.
 *
 * Input: {}
 */
export const eraseExpiredContacts = defineCommand({
  name: "monitoring.eraseExpiredContacts",
  input: eraseExpiredContactsSchema,
  actor: "required",
  allow: requires(canReviewMonitoring),
  work: ({ tx, now }) => eraseDue(tx, now),
});

/** The same erasure, run by the job queue's hourly monitoring_erase_contacts job; nobody else. */
export const eraseExpiredContactsOnSchedule = defineCommand({
  name: "monitoring.eraseExpiredContactsOnSchedule",
  input: eraseExpiredContactsSchema,
  actor: "system",
  allow: () => null,
  work: ({ tx, now }) => eraseDue(tx, now),
});
