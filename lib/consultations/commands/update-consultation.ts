import { defineCommand, requires } from "@/lib/commands/run";
import { canOpenConsultations, manageRefusal } from "../policy";
import { updateConsultationSchema } from "../schemas";
import { consultationAudit, consultationColumns, lockConsultation, textColumn } from "./shared";

/**
 * The owner (or staff) rewrite a draft: its texts, questions, languages, objectives and days.
 * Questions are replaced as a whole; a draft has no contributions yet.
 *
 * Input: as createConsultation, with consultationId. Result: { id }
 */
export const updateConsultation = defineCommand({
  name: "consultations.updateConsultation",
  input: updateConsultationSchema,
  actor: "required",
  allow: requires(canOpenConsultations, "consultations.notDelegateOrStaff"),
  load: ({ tx, input }) => lockConsultation(tx, input.consultationId),
  authorize: ({ actor, loaded, now }) => manageRefusal(actor, loaded, "edit", now),
  async work({ tx, input, loaded, record }) {
    const title = textColumn(input.texts, "title");
    await tx.consultationQuestion.deleteMany({ where: { consultationId: loaded.id } });
    await tx.consultation.update({
      where: { id: loaded.id },
      data: {
        ...consultationColumns(input),
      },
    });
    record({ action: "consultation.updated", entityType: "Consultation", entityId: loaded.id, isPublic: false, data: consultationAudit({ id: loaded.id, title }) });
    return { id: loaded.id };
  },
  invalidates: ["dialogue"],
});
