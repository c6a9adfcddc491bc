import { defineCommand, requires } from "@/lib/commands/run";
import { recordCaseEvent } from "../case-events";
import { canReviewMonitoring, writeSummaryRefusal } from "../policy";
import { checklistOf, writeSummarySchema } from "../review-schemas";
import { loadCase } from "./case-rows";

/**
 * A reviewer writes (or rewrites) the redacted public summary of a verified case: a separate
 * text, province and month at most, with every risk question answered. The one who writes last
 * is its writer; any change returns it to DRAFT and drops an approval (approve what is published).
 *
 * Input: { reportId, language, title, body, country, region?, month: "YYYY-MM", categories[],
 *          risk_identifiesPerson, risk_identifiesReporter, risk_placeTooPrecise, risk_dateTooPrecise, risk_retaliationRisk: "yes" | "no" }
 */
export const writeSummary = defineCommand({
  name: "monitoring.writeSummary",
  input: writeSummarySchema,
  actor: "required",
  allow: requires(canReviewMonitoring),
  async load({ tx, input }) {
    const report = await loadCase(tx, input.reportId);
    const summary = await tx.monitoringSummary.findUnique({ where: { reportId: report.id } });
    return { report, summary };
  },
  authorize: ({ actor, loaded, now }) => writeSummaryRefusal(actor, loaded.report, loaded.summary, now),
  async work({ tx, input, actor, loaded }) {
    const fields = {
      language: input.language,
      title: input.title,
      body: input.body,
      country: input.country,
      region: input.region ?? null,
      month: input.month,
      categories: input.categories,
      riskChecklist: checklistOf(input),
      status: "DRAFT" as const,
      writerId: actor.userId,
      approverId: null,
      approvedAt: null,
      publishedAt: null,
    };
    const summary = await tx.monitoringSummary.upsert({ where: { reportId: loaded.report.id }, create: { reportId: loaded.report.id, ...fields }, update: fields, select: { id: true } });
    await recordCaseEvent(tx, loaded.report.id, actor.userId, "summary.written", { summaryId: summary.id, status: "DRAFT" });
    return { summaryId: summary.id };
  },
  invalidates: ["dashboard"],
});
