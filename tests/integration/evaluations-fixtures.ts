// Evaluations written straight to the database, for the evaluations tests (the commands are
// what the tests exercise).
import { db } from "@/lib/db/client";
import type { EvaluationStatus } from "@/lib/generated/prisma/enums";

const DAY = 86_400_000;
/** Midnight UTC of today plus `days`. */
export const dayFromToday = (days: number) => {
  const d = new Date(Date.now() + days * DAY);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
};
export const isoDay = (d: Date) => d.toISOString().slice(0, 10);

export const SCALE = { kind: "SCALE", text: { es: "¿Qué tan útil fue?", en: "How useful was it?" }, low: { es: "Nada", en: "Not at all" }, high: { es: "Mucho", en: "Very" } } as const;
export const OPEN = { kind: "TEXT", text: { es: "¿Qué cambiarías?", en: "What would you change?" } } as const;

/** An evaluation in `status` (open from yesterday to in a week, by default) with one scale and one open question. */
export async function insertEvaluation(options: { status?: EvaluationStatus; sessionId?: string | null; opensOn?: Date; closesOn?: Date; questions?: readonly (typeof SCALE | typeof OPEN)[] } = {}) {
  const questions = options.questions ?? [SCALE, OPEN];
  const evaluation = await db.evaluation.create({
    data: {
      sessionId: options.sessionId ?? null,
      title: { es: "Evaluación de prueba", en: "Test evaluation" },
      intro: { es: "Cuéntanos." },
      status: options.status ?? "OPEN",
      opensOn: options.opensOn ?? dayFromToday(-1),
      closesOn: options.closesOn ?? dayFromToday(7),
      questions: {
        create: questions.map((q, i) => ({
          position: i + 1,
          kind: q.kind,
          text: q.text,
          lowLabel: "low" in q ? q.low : {},
          highLabel: "high" in q ? q.high : {},
        })),
      },
    },
    include: { questions: { orderBy: { position: "asc" } } },
  });
  return evaluation;
}

/** Answers to every question: `score` to the scale ones, `text` to the open ones. */
export const answersTo = (questions: { id: string; kind: string }[], score = 4, text = "Más tiempo para preguntas.") =>
  Object.fromEntries(questions.map((q) => [q.id, q.kind === "SCALE" ? { score } : { text }]));

/** Answers written as the command writes them (a participation and an anonymous response), without the rules. */
export async function insertResponse(evaluationId: string, userId: string, answers: { questionId: string; score?: number; text?: string }[]) {
  await db.evaluationParticipation.create({ data: { evaluationId, userId } });
  await db.evaluationResponse.create({
    data: { evaluationId, answers: { create: answers.map((a) => ({ questionId: a.questionId, score: a.score ?? null, text: a.score === undefined ? (a.text ?? null) : null })) } },
  });
}
