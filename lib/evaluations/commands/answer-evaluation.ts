import { defineCommand } from "@/lib/commands/run";
import { conflict, refuse, type Refusal } from "@/lib/errors";
import { isStaff } from "@/lib/auth/actor";
import { isUniqueViolation } from "@/lib/db/errors";
import { answerRefusal } from "../policy";
import { loadAnswerFacts } from "../queries";
import { answerEvaluationSchema, type AnswerInput } from "../schemas";

/** Each given answer fits its question: a score for a scale, words for an open question; at least one. */
function answersRefusal(answers: AnswerInput, questions: { id: string; kind: "SCALE" | "TEXT" }[]): Refusal | null {
  const kinds = new Map(questions.map((q) => [q.id, q.kind]));
  let given = 0;
  for (const [questionId, answer] of Object.entries(answers)) {
    const kind = kinds.get(questionId);
    if (!kind) return refuse.field("_form", "evaluations.unknownQuestion");
    if (kind === "SCALE" && answer.text !== undefined) return refuse.field(`answers.${questionId}.score`, "evaluations.scoreExpected");
    if (kind === "TEXT" && answer.score !== undefined) return refuse.field(`answers.${questionId}.text`, "evaluations.textExpected");
    if (answer.score !== undefined || answer.text !== undefined) given++;
  }
  return given === 0 ? { kind: "invalid", key: "evaluations.answerSomething" } : null;
}

/**
 * A participant answers an open evaluation, once (answerRefusal says who).
 *
 * Two rows that are never joined: a participation (evaluation, person: what "once" needs, a
 * primary key, so 20 posts at once leave one) and a response with the answers, without the
 * person and without a time. After answering, nothing ties the person to what they said. No
 * audit entry either: it would be a second, timed record that this person answered.
 *
 * Input: { evaluationId, answers: { <questionId>: { score?: 1–5, text? } } }   answers.<id>.score …
 * Result: { evaluationId }
 */
export const answerEvaluation = defineCommand({
  name: "evaluations.answerEvaluation",
  input: answerEvaluationSchema,
  actor: "required",
  allow: ({ actor }) => (isStaff(actor) ? refuse.forbidden("evaluations.staffDoNotAnswer") : null),
  async load({ tx, input, actor }) {
    // Shared, not exclusive: answers go in side by side, and closing waits for them.
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id::text FROM "Evaluation" WHERE id = ${input.evaluationId}::uuid FOR SHARE`;
    if (locked.length === 0) return null;
    const evaluation = await tx.evaluation.findUniqueOrThrow({
      where: { id: input.evaluationId },
      select: { id: true, sessionId: true, status: true, opensOn: true, closesOn: true, questions: { select: { id: true, kind: true } } },
    });
    return { evaluation, facts: await loadAnswerFacts(tx, evaluation, actor.userId) };
  },
  authorize: ({ actor, input, loaded, now }) => {
    if (!loaded || loaded.evaluation.status === "DRAFT") return refuse.notFound();
    return answerRefusal(actor, loaded.evaluation, loaded.facts, now) ?? answersRefusal(input.answers, loaded.evaluation.questions);
  },
  async work({ tx, input, actor, loaded }) {
    const evaluationId = loaded!.evaluation.id;
    await tx.evaluationParticipation.create({ data: { evaluationId, userId: actor.userId } });
    const answers = Object.entries(input.answers)
      .filter(([, a]) => a.score !== undefined || a.text !== undefined)
      .map(([questionId, a]) => ({ questionId, score: a.score ?? null, text: a.score === undefined ? (a.text ?? null) : null }));
    await tx.evaluationResponse.create({ data: { evaluationId, answers: { create: answers } } });
    return { evaluationId };
  },
  // Two posts at once: the participation's key lets one in; the other is told it already answered.
  recover: (error): { evaluationId: string } | undefined => {
    if (isUniqueViolation(error)) throw conflict("evaluations.alreadyAnswered");
    return undefined;
  },
  invalidates: ["dialogue"],
});
