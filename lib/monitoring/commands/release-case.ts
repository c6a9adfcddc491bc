import { defineCommand, requires } from "@/lib/commands/run";
import { recordCaseEvent } from "../case-events";
import { canReviewMonitoring, releaseRefusal } from "../policy";
import { caseSchema } from "../review-schemas";
import { loadCase } from "./case-rows";

/**
 * The holder of the lock releases it before it expires.
 *
 * Input: { reportId }
 */
export const releaseCase = defineCommand({
  name: "monitoring.releaseCase",
  input: caseSchema,
  actor: "required",
  allow: requires(canReviewMonitoring),
  load: ({ tx, input }) => loadCase(tx, input.reportId),
  authorize: ({ actor, loaded }) => releaseRefusal(actor, loaded),
  async work({ tx, actor, loaded }) {
    await tx.monitoringReport.update({ where: { id: loaded.id }, data: { lockedById: null, lockedUntil: null } });
    await recordCaseEvent(tx, loaded.id, actor.userId, "case.released", {});
    return { reportId: loaded.id };
  },
  invalidates: ["dashboard"],
});
