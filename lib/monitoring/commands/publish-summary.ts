import { defineCommand, requires } from "@/lib/commands/run";
import { recordCaseEvent } from "../case-events";
import { canReviewMonitoring, publishRefusal } from "../policy";
import { summarySchema } from "../review-schemas";
import { loadSummary } from "./case-rows";

/**
 * Publishing is its own step: any reviewer but the writer, only an approved summary, and only
 * when the reporter consented to publication (read at this moment, from the row). No audit row:
 * the published summary on /monitoring is the public record, and a log entry's time next to a
 * country could help match a summary to a report.
 *
 * Input: { summaryId }
 */
export const publishSummary = defineCommand({
  name: "monitoring.publishSummary",
  input: summarySchema,
  actor: "required",
  allow: requires(canReviewMonitoring),
  load: ({ tx, input }) => loadSummary(tx, input.summaryId),
  authorize: ({ actor, loaded }) => publishRefusal(actor, loaded.summary, loaded.report),
  async work({ tx, actor, loaded, now }) {
    await tx.monitoringSummary.update({ where: { id: loaded.summary.id }, data: { status: "PUBLISHED", publishedAt: now } });
    await recordCaseEvent(tx, loaded.report.id, actor.userId, "summary.published", { summaryId: loaded.summary.id });
    return { summaryId: loaded.summary.id, publishedAt: now };
  },
  invalidates: ["dashboard", "monitoring"],
});
