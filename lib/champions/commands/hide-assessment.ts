import { defineCommand, requires } from "@/lib/commands/run";
import { canManageChampions, hideAssessmentRefusal } from "../policy";
import { hideAssessmentSchema } from "../schemas";
import { loadAssessment } from "./assessment-rows";

/**
 * Staff hide an assessment, only with a reason everyone reads in its place and in the public log.
 *
 * Input: { assessmentId, reason }
 * Refused: an assessment already hidden (conflict).
 */
export const hideAssessment = defineCommand({
  name: "champions.hideAssessment",
  input: hideAssessmentSchema,
  actor: "required",
  allow: requires(canManageChampions),
  load: ({ tx, input }) => loadAssessment(tx, input.assessmentId),
  authorize: ({ loaded }) => hideAssessmentRefusal(loaded),
  async work({ tx, input, actor, now, loaded, record }) {
    await tx.assessment.update({ where: { id: loaded.id }, data: { hiddenAt: now, hiddenReason: input.reason, hiddenById: actor.userId } });
    record({ action: "assessment.hidden", entityType: "Assessment", entityId: loaded.id, isPublic: true, data: { ...loaded.audit, reason: input.reason } });
    return { id: loaded.id, hiddenAt: now, hiddenReason: input.reason };
  },
  invalidates: ["champions", "report", "transparency"],
});
