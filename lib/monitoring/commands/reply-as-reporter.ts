import { reviewerNotice } from "@/lib/monitoring/reviewer-mail";
import { defineCommand } from "@/lib/commands/run";
import { receiptRules } from "../address-key";
import { mayReply, noReport } from "../policy";
import { replyAsReporterSchema } from "../schemas";
import { sealMessage } from "../sealed";
import { buildReceiptView, loadByReceipt } from "./receipt-view";

/** The reporter answers the reviewers from the receipt page; the message is sealed like the report. */
export const replyAsReporter = defineCommand({
  name: "monitoring.replyAsReporter",
  input: replyAsReporterSchema,
  actor: "optional",
  allow: () => null,
  rateLimit: { rules: ({ request, now }) => receiptRules(request.address, now), count: "attempt" },
  load: ({ tx, input }) => loadByReceipt(tx, input.receipt),
  authorize: ({ loaded }) => (loaded ? mayReply(loaded) : noReport()),
  work: async ({ tx, input, loaded, now, mail }) => {
    const report = loaded!;
    const { sealed, keyId } = sealMessage({ body: input.body });
    // No author: even a signed-in reporter answers as "the reporter", never as an account.
    await tx.monitoringMessage.create({ data: { reportId: report.id, fromReporter: true, sealed, keyId } });
    await tx.monitoringCaseEvent.create({ data: { reportId: report.id, action: "reporter.replied" } });
    // The case's reviewer (else every reviewer) hears that an answer waits, never what it says.
    const assignee = await tx.monitoringReport.findUniqueOrThrow({ where: { id: report.id }, select: { assigneeId: true } });
    for (const m of await reviewerNotice(tx, "reporterAnswer", assignee.assigneeId ? [assignee.assigneeId] : undefined)) mail(m);
    await tx.monitoringReport.update({ where: { id: report.id }, data: { reporterSeenAt: now } });
    return buildReceiptView(tx, report, report.reporterSeenAt);
  },
});
