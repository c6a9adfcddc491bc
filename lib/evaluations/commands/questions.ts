import { defineCommand, requires, type Tx } from "@/lib/commands/run";
import { notFound, refuse } from "@/lib/errors";
import { canManageEvaluations, evaluationActionRefusal } from "../policy";
import { addQuestionSchema, EVALUATION_LIMITS, removeQuestionSchema, updateQuestionSchema, type QuestionTexts } from "../schemas";
import { evaluationAudit, lockEvaluation, pickField } from "./shared";

// A draft's questions: added, rewritten or removed while it is a draft, never after.

/** The question's row and its evaluation, locked. */
async function lockQuestion(tx: Tx, questionId: string) {
  const question = await tx.evaluationQuestion.findUnique({ where: { id: questionId }, select: { id: true, evaluationId: true } });
  if (!question) throw notFound();
  return { question, evaluation: await lockEvaluation(tx, question.evaluationId) };
}

/** The question's columns: a text question keeps no labels. */
const questionColumns = (kind: "SCALE" | "TEXT", texts: QuestionTexts) => ({
  kind,
  text: pickField(texts, "text"),
  lowLabel: kind === "SCALE" ? pickField(texts, "low") : {},
  highLabel: kind === "SCALE" ? pickField(texts, "high") : {},
});

/** Input: { evaluationId, kind: "SCALE" | "TEXT", texts: { es?: { text, low?, high? }, … } }. Result: { id }. */
export const addQuestion = defineCommand({
  name: "evaluations.addQuestion",
  input: addQuestionSchema,
  actor: "required",
  allow: requires(canManageEvaluations),
  async load({ tx, input }) {
    const evaluation = await lockEvaluation(tx, input.evaluationId);
    const last = await tx.evaluationQuestion.aggregate({ where: { evaluationId: evaluation.id }, _max: { position: true } });
    return { evaluation, nextPosition: (last._max.position ?? 0) + 1 };
  },
  authorize: ({ loaded, now }) =>
    evaluationActionRefusal(loaded.evaluation, "edit", now) ??
    (loaded.evaluation.questionCount >= EVALUATION_LIMITS.questions ? refuse.conflict("evaluations.tooManyQuestions", { max: EVALUATION_LIMITS.questions }) : null),
  async work({ tx, input, loaded, record }) {
    const question = await tx.evaluationQuestion.create({
      data: { evaluationId: loaded.evaluation.id, position: loaded.nextPosition, ...questionColumns(input.kind, input.texts) },
      select: { id: true },
    });
    record({ action: "evaluation.updated", entityType: "Evaluation", entityId: loaded.evaluation.id, isPublic: false, data: { ...evaluationAudit(loaded.evaluation), change: "question_added" } });
    return { id: question.id, evaluationId: loaded.evaluation.id };
  },
  invalidates: ["dialogue"],
});

/** Input: { questionId, kind, texts }: the whole question as it should read. */
export const updateQuestion = defineCommand({
  name: "evaluations.updateQuestion",
  input: updateQuestionSchema,
  actor: "required",
  allow: requires(canManageEvaluations),
  load: ({ tx, input }) => lockQuestion(tx, input.questionId),
  authorize: ({ loaded, now }) => evaluationActionRefusal(loaded.evaluation, "edit", now),
  async work({ tx, input, loaded, record }) {
    await tx.evaluationQuestion.update({ where: { id: loaded.question.id }, data: questionColumns(input.kind, input.texts) });
    record({ action: "evaluation.updated", entityType: "Evaluation", entityId: loaded.evaluation.id, isPublic: false, data: { ...evaluationAudit(loaded.evaluation), change: "question_updated" } });
    return { id: loaded.question.id, evaluationId: loaded.evaluation.id };
  },
  invalidates: ["dialogue"],
});

/** Input: { questionId }. */
export const removeQuestion = defineCommand({
  name: "evaluations.removeQuestion",
  input: removeQuestionSchema,
  actor: "required",
  allow: requires(canManageEvaluations),
  load: ({ tx, input }) => lockQuestion(tx, input.questionId),
  authorize: ({ loaded, now }) => evaluationActionRefusal(loaded.evaluation, "edit", now),
  async work({ tx, loaded, record }) {
    await tx.evaluationQuestion.delete({ where: { id: loaded.question.id } });
    record({ action: "evaluation.updated", entityType: "Evaluation", entityId: loaded.evaluation.id, isPublic: false, data: { ...evaluationAudit(loaded.evaluation), change: "question_removed" } });
    return { id: loaded.question.id, evaluationId: loaded.evaluation.id };
  },
  invalidates: ["dialogue"],
});
