import { defineCommand, requires } from "@/lib/commands/run";
import { canManageChampions, unhideAssessmentRefusal } from "../policy";
import { unhideAssessmentSchema } from "../schemas";
import { loadAssessment } from "./assessment-rows";

/**
 * Staff show a hidden assessment again; the public log says so (the earlier reason stays in it).
 *
 * Input: { assessmentId }
 * Refused: an assessment that is not hidden (conflict).
 */
export const unhideAssessment = defineCommand({
  name: "champions.unhideAssessment",
  input: unhideAssessmentSchema,
  actor: "required",
  allow: requires(canManageChampions),
  load: ({ tx, input }) => loadAssessment(tx, input.assessmentId),
  authorize: ({ loaded }) => unhideAssessmentRefusal(loaded),
  async work({ tx, loaded, record }) {
    await tx.assessment.update({ where: { id: loaded.id }, data: { hiddenAt: null, hiddenReason: null, hiddenById: null } });
    record({ action: "assessment.unhidden", entityType: "Assessment", entityId: loaded.id, isPublic: true, data: loaded.audit });
    return { id: loaded.id, hiddenAt: null };
  },
  invalidates: ["champions", "report", "transparency"],
});
