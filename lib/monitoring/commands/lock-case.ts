import { defineCommand, requires } from "@/lib/commands/run";
import { recordCaseEvent } from "../case-events";
import { CASE_LOCK_MINUTES, canReviewMonitoring, lockRefusal } from "../policy";
import { caseSchema } from "../review-schemas";
import { loadCase, minutesLater } from "./case-rows";

/**
 * A reviewer takes the edit lock for CASE_LOCK_MINUTES: free, their own (extended) or expired
 * (taking over, recorded with whose lock it was). Refused while another reviewer's lock runs.
 *
 * Input: { reportId }
 */
export const lockCase = defineCommand({
  name: "monitoring.lockCase",
  input: caseSchema,
  actor: "required",
  allow: requires(canReviewMonitoring),
  load: ({ tx, input }) => loadCase(tx, input.reportId),
  authorize: ({ actor, loaded, now }) => lockRefusal(actor, loaded, now),
  async work({ tx, actor, loaded, now }) {
    const until = minutesLater(now, CASE_LOCK_MINUTES);
    await tx.monitoringReport.update({ where: { id: loaded.id }, data: { lockedById: actor.userId, lockedUntil: until } });
    const tookOverFrom = loaded.lockedById && loaded.lockedById !== actor.userId ? loaded.lockedById : null;
    await recordCaseEvent(tx, loaded.id, actor.userId, "case.locked", { until: until.toISOString(), tookOverFrom });
    return { reportId: loaded.id, lockedUntil: until };
  },
  invalidates: ["dashboard"],
});
