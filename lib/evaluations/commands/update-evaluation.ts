import { defineCommand, requires } from "@/lib/commands/run";
import { canManageEvaluations, evaluationActionRefusal } from "../policy";
import { updateEvaluationSchema } from "../schemas";
import { evaluationAudit, lockEvaluation, pickField } from "./shared";

/**
 * A draft's title, introduction and days. Input: { evaluationId, texts: {…}, opensOn, closesOn }.
 * Refused once it is open: what people answered must keep meaning what they read.
 */
export const updateEvaluation = defineCommand({
  name: "evaluations.updateEvaluation",
  input: updateEvaluationSchema,
  actor: "required",
  allow: requires(canManageEvaluations),
  load: ({ tx, input }) => lockEvaluation(tx, input.evaluationId),
  authorize: ({ loaded, now }) => evaluationActionRefusal(loaded, "edit", now),
  async work({ tx, input, loaded, record }) {
    const title = pickField(input.texts, "title");
    await tx.evaluation.update({
      where: { id: loaded.id },
      data: { title, intro: pickField(input.texts, "intro"), opensOn: input.opensOn, closesOn: input.closesOn },
    });
    record({ action: "evaluation.updated", entityType: "Evaluation", entityId: loaded.id, isPublic: false, data: { ...evaluationAudit({ ...loaded, title }), change: "texts" } });
    return { id: loaded.id };
  },
  invalidates: ["dialogue"],
});
