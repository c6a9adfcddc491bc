import { reviewerNotice } from "@/lib/monitoring/reviewer-mail";
import { defineCommand } from "@/lib/commands/run";
import { filingRules } from "../address-key";
import { checkReportDates, looksLikeSpam } from "../policy";
import { newReceiptCode, receiptHash } from "../receipt-code";
import { fileReportSchema } from "../schemas";
import { sealReport } from "../sealed";

/**
 * Anyone files a report, signed in or not. What could identify anyone is sealed; the receipt
 * code is returned once and only its hash is kept. No address, no browser details, and the
 * account only when the person ticked the box.
 *
 * No audit row: the audit log is read by staff and feeds the public log, and a row there would
 * say when someone reported (and, signed in, who: the path fills in the actor). The case's own
 * history (MonitoringCaseEvent, with no actor) records the filing instead.
 *
 * A filled honeypot still files the report, marked "possible spam", and answers exactly as
 * any other: a bot learns nothing, and a real person whose browser filled the hidden field
 * (autofill, an assistive tool) does not lose a report they took a risk to write. The rate
 * limit bounds what a bot can pile into the queue, and reviewers see the mark.
 */
export const fileReport = defineCommand({
  name: "monitoring.fileReport",
  input: fileReportSchema,
  actor: "optional",
  allow: ({ input, now }) => checkReportDates(input, now),
  rateLimit: { rules: ({ request, now }) => filingRules(request.address, now), count: "success" },
  work: async ({ tx, input, actor, mail }) => {
    const receipt = newReceiptCode();
    const { sealed, keyId } = sealReport({
      narrative: input.narrative,
      place: input.place ?? null,
      affected: input.affected,
      evidence: { links: input.evidenceLinks, text: input.evidenceText ?? null },
      contact: input.contact ?? null,
    });
    const report = await tx.monitoringReport.create({
      data: {
        receiptHash: receiptHash(receipt),
        country: input.country,
        occurredFrom: input.occurredFrom,
        occurredTo: input.occurredTo ?? null,
        categories: input.categories,
        perpetrator: input.perpetrator,
        objectives: input.objectives,
        language: input.language,
        sealed,
        keyId,
        hasContact: input.contact !== undefined,
        consentPublish: input.consentPublish,
        consentContact: input.consentContact,
        consentRefer: input.consentRefer,
        reporterId: input.linkAccount && actor ? actor.userId : null,
        possibleSpam: looksLikeSpam(input),
      },
      select: { id: true },
    });
    await tx.monitoringCaseEvent.create({ data: { reportId: report.id, action: "report.filed" } });
    // Reviewers hear that something waits (never what); a report flagged as possible spam waits
    // in the queue without mail, so a bot cannot flood their inboxes.
    if (!looksLikeSpam(input)) for (const m of await reviewerNotice(tx, "newReport")) mail(m);
    return { id: report.id, receipt };
  },
});
