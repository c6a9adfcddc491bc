import { defineCommand, requires } from "@/lib/commands/run";
import { recordCaseEvent } from "../case-events";
import { approveSummaryRefusal, canReviewMonitoring } from "../policy";
import { summarySchema } from "../review-schemas";
import { loadSummary } from "./case-rows";

/**
 * A second reviewer approves a submitted summary: never its writer (the policy refuses, and the
 * MonitoringSummary_two_people CHECK refuses again). Approval does not publish: publishSummary does.
 *
 * Input: { summaryId }
 */
export const approveSummary = defineCommand({
  name: "monitoring.approveSummary",
  input: summarySchema,
  actor: "required",
  allow: requires(canReviewMonitoring),
  load: ({ tx, input }) => loadSummary(tx, input.summaryId),
  authorize: ({ actor, loaded }) => approveSummaryRefusal(actor, loaded.summary),
  async work({ tx, actor, loaded, now }) {
    await tx.monitoringSummary.update({ where: { id: loaded.summary.id }, data: { approverId: actor.userId, approvedAt: now } });
    await recordCaseEvent(tx, loaded.report.id, actor.userId, "summary.approved", { summaryId: loaded.summary.id, writerId: loaded.summary.writerId });
    return { summaryId: loaded.summary.id, approvedAt: now };
  },
  invalidates: ["dashboard"],
});
