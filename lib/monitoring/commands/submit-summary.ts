import { defineCommand, requires } from "@/lib/commands/run";
import { recordCaseEvent } from "../case-events";
import { canReviewMonitoring, editCaseRefusal, submitSummaryRefusal } from "../policy";
import { parseChecklist, RISK_QUESTIONS, summarySchema } from "../review-schemas";
import { loadSummary } from "./case-rows";

/**
 * A draft goes to approval, only when every retaliation-risk answer is "no".
 *
 * Input: { summaryId }
 */
export const submitSummary = defineCommand({
  name: "monitoring.submitSummary",
  input: summarySchema,
  actor: "required",
  allow: requires(canReviewMonitoring),
  load: ({ tx, input }) => loadSummary(tx, input.summaryId),
  authorize: ({ actor, loaded, now }) =>
    editCaseRefusal(actor, loaded.report, now) ?? submitSummaryRefusal({ ...loaded.summary, riskChecklist: parseChecklist(loaded.summary.riskChecklist) }, RISK_QUESTIONS),
  async work({ tx, actor, loaded }) {
    await tx.monitoringSummary.update({ where: { id: loaded.summary.id }, data: { status: "AWAITING_APPROVAL" } });
    await recordCaseEvent(tx, loaded.report.id, actor.userId, "summary.submitted", { summaryId: loaded.summary.id });
    return { summaryId: loaded.summary.id };
  },
  invalidates: ["dashboard"],
});
