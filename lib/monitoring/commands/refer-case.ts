import { defineCommand, requires } from "@/lib/commands/run";
import { recordCaseEvent } from "../case-events";
import { canReviewMonitoring, referRefusal } from "../policy";
import { referCaseSchema } from "../review-schemas";
import { loadCase } from "./case-rows";

/**
 * A verified case is referred to a named body (a national human rights institution, a UN
 * mechanism), when the reporter consented. To whom and when are recorded; the case closes.
 *
 * Input: { reportId, referredTo }
 */
export const referCase = defineCommand({
  name: "monitoring.referCase",
  input: referCaseSchema,
  actor: "required",
  allow: requires(canReviewMonitoring),
  load: ({ tx, input }) => loadCase(tx, input.reportId),
  authorize: ({ actor, loaded, now }) => referRefusal(actor, loaded, now),
  async work({ tx, input, actor, loaded, now }) {
    await tx.monitoringReport.update({ where: { id: loaded.id }, data: { status: "REFERRED", referredTo: input.referredTo, referredAt: now, closedAt: now } });
    await recordCaseEvent(tx, loaded.id, actor.userId, "case.referred", { referredTo: input.referredTo });
    await recordCaseEvent(tx, loaded.id, actor.userId, "case.status_changed", { from: loaded.status, to: "REFERRED", closed: true });
    return { reportId: loaded.id, referredAt: now };
  },
  invalidates: ["dashboard"],
});
