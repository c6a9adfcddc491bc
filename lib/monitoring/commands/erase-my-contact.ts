import { defineCommand } from "@/lib/commands/run";
import { receiptRules } from "../address-key";
import { noReport } from "../policy";
import { eraseMyContactSchema } from "../schemas";
import { openReport, sealReport } from "../sealed";
import { buildReceiptView, loadByReceipt } from "./receipt-view";

/**
 * The reporter has their contact details erased: re-sealed without them, the date kept, and a
 * line in the case history. Erasing twice is harmless (nothing changes the second time).
 */
export const eraseMyContact = defineCommand({
  name: "monitoring.eraseMyContact",
  input: eraseMyContactSchema,
  actor: "optional",
  allow: () => null,
  rateLimit: { rules: ({ request, now }) => receiptRules(request.address, now), count: "attempt" },
  load: ({ tx, input }) => loadByReceipt(tx, input.receipt),
  authorize: ({ loaded }) => (loaded ? null : noReport()),
  work: async ({ tx, loaded, now }) => {
    const report = loaded!;
    if (!report.contactErasedAt) {
      const secrets = openReport(report);
      const { sealed, keyId } = sealReport({ ...secrets, contact: null });
      await tx.monitoringReport.update({ where: { id: report.id }, data: { sealed, keyId, hasContact: false, contactErasedAt: now } });
      await tx.monitoringCaseEvent.create({ data: { reportId: report.id, action: "reporter.contact_erased" } });
    }
    await tx.monitoringReport.update({ where: { id: report.id }, data: { reporterSeenAt: now } });
    return buildReceiptView(tx, report, report.reporterSeenAt);
  },
});
