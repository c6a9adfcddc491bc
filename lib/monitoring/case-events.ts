import type { Tx } from "@/lib/commands/run";
import type { MonitoringCaseStatus, MonitoringSummaryStatus } from "@/lib/generated/prisma/enums";

/**
 * The case's own history (MonitoringCaseEvent), the record of every reviewer action. Ids,
 * statuses and times only, never sealed content: a message is named by its id, not its text.
 * No audit rows are written for cases (see commands/review-index.ts).
 */
export type CaseEventData = {
  "case.assigned": { assigneeId: string | null; previousAssigneeId: string | null };
  "case.locked": { until: string; tookOverFrom: string | null };
  "case.released": Record<string, never>;
  "case.status_changed": { from: MonitoringCaseStatus; to: MonitoringCaseStatus; closed: boolean };
  "case.referred": { referredTo: string };
  "case.message_sent": { messageId: string };
  "case.contact_erased": { retentionDays: number };
  "summary.written": { summaryId: string; status: MonitoringSummaryStatus };
  "summary.submitted": { summaryId: string };
  "summary.approved": { summaryId: string; writerId: string | null };
  "summary.published": { summaryId: string };
  "summary.withdrawn": { summaryId: string; reason: string };
};
export type CaseEventAction = keyof CaseEventData;

export async function recordCaseEvent<A extends CaseEventAction>(tx: Tx, reportId: string, actorId: string | null, action: A, data: CaseEventData[A], at?: Date) {
  await tx.monitoringCaseEvent.create({ data: { reportId, actorId, action, data, ...(at ? { createdAt: at } : {}) } });
}
