import { defineCommand, requires } from "@/lib/commands/run";
import { recordCaseEvent } from "../case-events";
import { canReviewMonitoring, withdrawRefusal } from "../policy";
import { withdrawSummarySchema } from "../review-schemas";
import { loadSummary } from "./case-rows";

/**
 * Any reviewer withdraws a published summary (a risk appeared, the reporter asked), with a
 * reason kept in the case history. It leaves the public pages at once.
 *
 * Input: { summaryId, reason }
 */
export const withdrawSummary = defineCommand({
  name: "monitoring.withdrawSummary",
  input: withdrawSummarySchema,
  actor: "required",
  allow: requires(canReviewMonitoring),
  load: ({ tx, input }) => loadSummary(tx, input.summaryId),
  authorize: ({ loaded }) => withdrawRefusal(loaded.summary),
  async work({ tx, input, actor, loaded }) {
    await tx.monitoringSummary.update({ where: { id: loaded.summary.id }, data: { status: "WITHDRAWN" } });
    await recordCaseEvent(tx, loaded.report.id, actor.userId, "summary.withdrawn", { summaryId: loaded.summary.id, reason: input.reason });
    return { summaryId: loaded.summary.id };
  },
  invalidates: ["dashboard", "monitoring"],
});
