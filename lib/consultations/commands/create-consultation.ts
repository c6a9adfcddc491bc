import { defineCommand, requires } from "@/lib/commands/run";
import { canOpenConsultations } from "../policy";
import { createConsultationSchema } from "../schemas";
import { consultationAudit, consultationColumns, textColumn } from "./shared";

/**
 * Staff or a delegate start a consultation, as a draft only they (and staff) see; they own it.
 *
 * Input: { texts: { es?: { title, background? }, … } (texts.es.title …), questions: [{ es?, en?, pt?, fr? }…]
 *          (questions.0.es …), languages: [locale…], objectives: [1–23…], opensOn, closesOn: "YYYY-MM-DD" }
 * Result: { id }
 */
export const createConsultation = defineCommand({
  name: "consultations.createConsultation",
  input: createConsultationSchema,
  actor: "required",
  allow: requires(canOpenConsultations, "consultations.notDelegateOrStaff"),
  async work({ tx, input, actor, now, record }) {
    const title = textColumn(input.texts, "title");
    const row = await tx.consultation.create({
      data: {
        ownerId: actor.userId,
        createdAt: now,
        ...consultationColumns(input),
      },
      select: { id: true },
    });
    record({ action: "consultation.created", entityType: "Consultation", entityId: row.id, isPublic: false, data: consultationAudit({ id: row.id, title }) });
    return { id: row.id };
  },
  invalidates: ["dialogue"],
});
