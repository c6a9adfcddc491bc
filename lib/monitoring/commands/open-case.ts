import { defineCommand, requires } from "@/lib/commands/run";
import { notFound } from "@/lib/errors";
import { canReviewMonitoring } from "../policy";
import { caseSchema } from "../review-schemas";

/**
 * Opening a report writes the access log (who and when) before the page unseals anything: the
 * case page runs this first and shows nothing if it fails.
 *
 * Input: { reportId }
 */
export const openCase = defineCommand({
  name: "monitoring.openCase",
  input: caseSchema,
  actor: "required",
  allow: requires(canReviewMonitoring),
  async work({ tx, input, actor, now }) {
    const exists = await tx.monitoringReport.findUnique({ where: { id: input.reportId }, select: { id: true } });
    if (!exists) throw notFound();
    await tx.monitoringAccess.create({ data: { reportId: input.reportId, userId: actor.userId, createdAt: now } });
    return { reportId: input.reportId };
  },
});
