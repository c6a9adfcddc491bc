import { defineCommand, requires } from "@/lib/commands/run";
import { canOpenConsultations, manageRefusal } from "../policy";
import { consultationIdSchema } from "../schemas";
import { consultationAudit, lockConsultation } from "./shared";

/**
 * Open → closed, early or after its days: no more contributions, supports or updates. The lock
 * waits for posts being written (they hold it shared), so the count in the log is final.
 * Input: { consultationId }. Result: { id, contributionCount }
 */
export const closeConsultation = defineCommand({
  name: "consultations.closeConsultation",
  input: consultationIdSchema,
  actor: "required",
  allow: requires(canOpenConsultations, "consultations.notDelegateOrStaff"),
  load: ({ tx, input }) => lockConsultation(tx, input.consultationId),
  authorize: ({ actor, loaded, now }) => manageRefusal(actor, loaded, "close", now),
  async work({ tx, loaded, now, record }) {
    await tx.consultation.update({ where: { id: loaded.id }, data: { status: "CLOSED", closedAt: now } });
    const contributionCount = await tx.consultationContribution.count({ where: { consultationId: loaded.id, hiddenAt: null } });
    record({ action: "consultation.closed", entityType: "Consultation", entityId: loaded.id, isPublic: true, data: { ...consultationAudit(loaded), contributionCount } });
    return { id: loaded.id, contributionCount };
  },
  invalidates: ["dialogue", "transparency"],
});
