import { defineCommand, requires } from "@/lib/commands/run";
import { fieldError } from "@/lib/errors";
import { recordCaseEvent } from "../case-events";
import { canReviewMonitoring, editCaseRefusal } from "../policy";
import { assignCaseSchema } from "../review-schemas";
import { reviewerNotice } from "../reviewer-mail";
import { loadCase } from "./case-rows";

/**
 * A reviewer assigns a case to a reviewer (themselves or another), or unassigns it (no
 * assigneeId). Another assignee gets an email that says only that a case waits for them.
 *
 * Input: { reportId, assigneeId? }
 */
export const assignCase = defineCommand({
  name: "monitoring.assignCase",
  input: assignCaseSchema,
  actor: "required",
  allow: requires(canReviewMonitoring),
  load: ({ tx, input }) => loadCase(tx, input.reportId),
  authorize: ({ actor, loaded, now }) => editCaseRefusal(actor, loaded, now),
  async work({ tx, input, actor, loaded, mail }) {
    const assigneeId = input.assigneeId ?? null;
    if (assigneeId) {
      const reviewer = await tx.roleAssignment.findUnique({ where: { userId_role: { userId: assigneeId, role: "MONITORING_REVIEWER" } }, select: { userId: true } });
      if (!reviewer) throw fieldError("assigneeId", "monitoringReview.notAReviewer");
    }
    await tx.monitoringReport.update({ where: { id: loaded.id }, data: { assigneeId } });
    await recordCaseEvent(tx, loaded.id, actor.userId, "case.assigned", { assigneeId, previousAssigneeId: loaded.assigneeId });
    if (assigneeId && assigneeId !== actor.userId && assigneeId !== loaded.assigneeId) {
      for (const m of await reviewerNotice(tx, "assigned", [assigneeId])) mail(m);
    }
    return { reportId: loaded.id, assigneeId };
  },
  invalidates: ["dashboard"],
});
