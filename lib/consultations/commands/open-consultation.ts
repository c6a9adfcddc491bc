import { defineCommand, requires } from "@/lib/commands/run";
import { formatCalendarDate } from "@/lib/roles/schemas";
import { canOpenConsultations, manageRefusal } from "../policy";
import { consultationIdSchema } from "../schemas";
import { consultationAudit, lockConsultation } from "./shared";

/** Draft → open: public from now on, taking contributions between its days. Input: { consultationId }. Result: { id } */
export const openConsultation = defineCommand({
  name: "consultations.openConsultation",
  input: consultationIdSchema,
  actor: "required",
  allow: requires(canOpenConsultations, "consultations.notDelegateOrStaff"),
  load: ({ tx, input }) => lockConsultation(tx, input.consultationId),
  authorize: ({ actor, loaded, now }) => manageRefusal(actor, loaded, "open", now),
  async work({ tx, loaded, now, record }) {
    await tx.consultation.update({ where: { id: loaded.id }, data: { status: "OPEN", openedAt: now } });
    record({
      action: "consultation.opened",
      entityType: "Consultation",
      entityId: loaded.id,
      isPublic: true,
      data: { ...consultationAudit(loaded), opensOn: formatCalendarDate(loaded.opensOn), closesOn: formatCalendarDate(loaded.closesOn) },
    });
    return { id: loaded.id };
  },
  invalidates: ["dialogue", "transparency"],
});
