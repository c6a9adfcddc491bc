import { defineCommand, requires } from "@/lib/commands/run";
import { notifyFollowers } from "@/lib/follows/notify";
import type { Locale } from "@/lib/generated/prisma/enums";
import { pickLocalized } from "@/lib/i18n/localized-text";
import { canOpenConsultations, manageRefusal } from "../policy";
import { postUpdateSchema } from "../schemas";
import { consultationAudit, shareConsultation } from "./shared";

/**
 * The owner (or staff) tell participants something while it is open: a new document, a meeting,
 * a reminder. Public, in the language written. Input: { consultationId, language, body }. Result: { id, consultationId }
 */
export const postConsultationUpdate = defineCommand({
  name: "consultations.postConsultationUpdate",
  input: postUpdateSchema,
  actor: "required",
  allow: requires(canOpenConsultations, "consultations.notDelegateOrStaff"),
  load: ({ tx, input }) => shareConsultation(tx, input.consultationId),
  authorize: ({ actor, loaded, now }) => manageRefusal(actor, loaded, "update", now),
  async work({ tx, input, actor, loaded, now, record }) {
    const row = await tx.consultationUpdate.create({
      data: { consultationId: loaded.id, authorId: actor.userId, language: input.language, body: input.body, createdAt: now },
      select: { id: true },
    });
    record({ action: "consultation.update_posted", entityType: "Consultation", entityId: loaded.id, isPublic: true, data: { ...consultationAudit(loaded), language: input.language } });
    const data = (locale: Locale) => {
      const title = pickLocalized(loaded.title, locale)?.text;
      return title ? { consultationId: loaded.id, title } : null;
    };
    await notifyFollowers(tx, { subject: "CONSULTATION", key: loaded.id }, "consultation.updated", data, [actor.userId]);
    return { id: row.id, consultationId: loaded.id };
  },
  invalidates: ["dialogue", "transparency"],
});
