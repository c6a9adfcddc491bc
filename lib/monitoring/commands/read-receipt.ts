import { defineCommand } from "@/lib/commands/run";
import { receiptRules } from "../address-key";
import { noReport } from "../policy";
import { readReceiptSchema } from "../schemas";
import { buildReceiptView, loadByReceipt } from "./receipt-view";

/**
 * The person holding a receipt code opens their case. A command, not a query: every attempt is
 * rate limited (counted before the lookup), and a visit marks the reviewers' messages as seen.
 * A wrong, malformed or empty code all get the same "no report with this code".
 */
export const readReceipt = defineCommand({
  name: "monitoring.readReceipt",
  input: readReceiptSchema,
  actor: "optional",
  allow: () => null,
  rateLimit: { rules: ({ request, now }) => receiptRules(request.address, now), count: "attempt" },
  load: ({ tx, input }) => loadByReceipt(tx, input.receipt),
  authorize: ({ loaded }) => (loaded ? null : noReport()),
  work: async ({ tx, loaded, now }) => {
    const report = loaded!;
    await tx.monitoringReport.update({ where: { id: report.id }, data: { reporterSeenAt: now } });
    return buildReceiptView(tx, report, report.reporterSeenAt);
  },
});
