import { defineCommand, requires } from "@/lib/commands/run";
import { canManageEvaluations, evaluationActionRefusal } from "../policy";
import { evaluationIdSchema } from "../schemas";
import { evaluationAudit, lockEvaluation } from "./shared";

/**
 * Open → closed: no more answers, and the aggregate results are public. The public log says how
 * many answered (a count, never an answer). Input: { evaluationId }. Result: { id, answerCount }.
 */
export const closeEvaluation = defineCommand({
  name: "evaluations.closeEvaluation",
  input: evaluationIdSchema,
  actor: "required",
  allow: requires(canManageEvaluations),
  // The row lock waits for answers being written (they hold it shared), so the count is final.
  load: ({ tx, input }) => lockEvaluation(tx, input.evaluationId),
  authorize: ({ loaded, now }) => evaluationActionRefusal(loaded, "close", now),
  async work({ tx, loaded, now, record }) {
    await tx.evaluation.update({ where: { id: loaded.id }, data: { status: "CLOSED", closedAt: now } });
    const answerCount = await tx.evaluationParticipation.count({ where: { evaluationId: loaded.id } });
    record({ action: "evaluation.closed", entityType: "Evaluation", entityId: loaded.id, isPublic: true, data: { ...evaluationAudit(loaded), answerCount } });
    return { id: loaded.id, answerCount };
  },
  invalidates: ["dialogue", "transparency", "sessions"],
});
