import { defineCommand, requires } from "@/lib/commands/run";
import { recordCaseEvent } from "../case-events";
import { CLOSING_STATUSES, canReviewMonitoring, transitionRefusal } from "../policy";
import { changeCaseStatusSchema } from "../review-schemas";
import { loadCase } from "./case-rows";

/**
 * A reviewer moves a case along CASE_TRANSITIONS. NOT_VERIFIED and DUPLICATE close it (closedAt,
 * from which the contact's retention runs); going back to UNDER_REVIEW reopens it.
 *
 * Input: { reportId, status: UNDER_REVIEW | VERIFIED | NOT_VERIFIED | DUPLICATE }
 */
export const changeCaseStatus = defineCommand({
  name: "monitoring.changeCaseStatus",
  input: changeCaseStatusSchema,
  actor: "required",
  allow: requires(canReviewMonitoring),
  load: ({ tx, input }) => loadCase(tx, input.reportId),
  authorize: ({ actor, loaded, input, now }) => transitionRefusal(actor, loaded, input.status, now),
  async work({ tx, input, actor, loaded, now }) {
    const closed = CLOSING_STATUSES.includes(input.status);
    await tx.monitoringReport.update({ where: { id: loaded.id }, data: { status: input.status, closedAt: closed ? now : null } });
    await recordCaseEvent(tx, loaded.id, actor.userId, "case.status_changed", { from: loaded.status, to: input.status, closed });
    return { reportId: loaded.id, status: input.status, closedAt: closed ? now : null };
  },
  invalidates: ["dashboard"],
});
