import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { asLocalizedText, type LocalizedText } from "@/lib/i18n/localized-text";
import { SPEAKERS_PUBLIC_STATUSES } from "@/lib/sessions/policy";
import { canManageEvaluations, canReadOpenAnswers, canSeeEvaluation, resultsArePublic, showsFigures, type AnswerFacts } from "./policy";
import { MIN_RESPONDENTS, SCALE_POINTS } from "./schemas";

// Reads for the evaluation pages, scoped by the actor. No public read ever selects an open
// answer's text: results are counts, and the open answers have their own query for the people
// who may read them.

type Client = Prisma.TransactionClient | typeof db;

const summarySelect = {
  id: true,
  sessionId: true,
  title: true,
  status: true,
  opensOn: true,
  closesOn: true,
  session: { select: { id: true, title: true } },
  _count: { select: { participations: true, questions: true } },
} as const;

export type EvaluationSummary = {
  id: string;
  sessionId: string | null;
  title: LocalizedText;
  status: "DRAFT" | "OPEN" | "CLOSED";
  opensOn: Date;
  closesOn: Date;
  session: { id: string; title: LocalizedText } | null;
  answerCount: number;
  questionCount: number;
};

type SummaryRow = Prisma.EvaluationGetPayload<{ select: typeof summarySelect }>;
const toSummary = (row: SummaryRow): EvaluationSummary => ({
  id: row.id,
  sessionId: row.sessionId,
  title: asLocalizedText(row.title),
  status: row.status,
  opensOn: row.opensOn,
  closesOn: row.closesOn,
  session: row.session ? { id: row.session.id, title: asLocalizedText(row.session.title) } : null,
  answerCount: row._count.participations,
  questionCount: row._count.questions,
});

/** The public list: every evaluation but drafts, open ones first, then the latest closing. */
export async function listPublicEvaluations(): Promise<EvaluationSummary[]> {
  const rows = await db.evaluation.findMany({
    where: { status: { not: "DRAFT" } },
    select: summarySelect,
    orderBy: [{ status: "asc" }, { closesOn: "desc" }, { id: "asc" }],
  });
  return rows.map(toSummary);
}

/** Staff's and the committee's list, drafts included; nobody else gets any. */
export async function listManagedEvaluations(actor: Actor | null): Promise<EvaluationSummary[]> {
  if (!canManageEvaluations(actor)) return [];
  const rows = await db.evaluation.findMany({ select: summarySelect, orderBy: [{ createdAt: "desc" }, { id: "asc" }] });
  return rows.map(toSummary);
}

/** The evaluations of one session a reader may see (its page links to them). */
export async function evaluationsOfSession(actor: Actor | null, sessionId: string): Promise<EvaluationSummary[]> {
  const rows = await db.evaluation.findMany({
    where: { sessionId, ...(canManageEvaluations(actor) ? {} : { status: { not: "DRAFT" } }) },
    select: summarySelect,
    orderBy: [{ closesOn: "desc" }, { id: "asc" }],
  });
  return rows.map(toSummary);
}

export type EvaluationQuestionView = {
  id: string;
  position: number;
  kind: "SCALE" | "TEXT";
  text: LocalizedText;
  low: LocalizedText;
  high: LocalizedText;
};

export type EvaluationDetail = EvaluationSummary & {
  intro: LocalizedText;
  openedAt: Date | null;
  closedAt: Date | null;
  sessionStatus: string | null;
  questions: EvaluationQuestionView[];
};

/** One evaluation with its questions, or null when it does not exist or the reader may not see it (a draft). */
export async function getEvaluation(actor: Actor | null, id: string): Promise<EvaluationDetail | null> {
  const row = await db.evaluation.findUnique({
    where: { id },
    select: {
      ...summarySelect,
      intro: true,
      openedAt: true,
      closedAt: true,
      session: { select: { id: true, title: true, status: true } },
      questions: { select: { id: true, position: true, kind: true, text: true, lowLabel: true, highLabel: true }, orderBy: { position: "asc" } },
    },
  });
  if (!row || !canSeeEvaluation(actor, row)) return null;
  return {
    ...toSummary(row),
    intro: asLocalizedText(row.intro),
    openedAt: row.openedAt,
    closedAt: row.closedAt,
    sessionStatus: row.session?.status ?? null,
    questions: row.questions.map((q) => ({
      id: q.id,
      position: q.position,
      kind: q.kind,
      text: asLocalizedText(q.text),
      low: asLocalizedText(q.lowLabel),
      high: asLocalizedText(q.highLabel),
    })),
  };
}

/**
 * What the answer rule needs about a person and an evaluation: registered for its session, a
 * confirmed speaker of it, already answered. One round trip; the command passes its transaction.
 */
export async function loadAnswerFacts(client: Client, evaluation: { id: string; sessionId: string | null }, userId: string): Promise<AnswerFacts> {
  const sessionId = evaluation.sessionId;
  const [registration, speaker, participation] = await Promise.all([
    sessionId ? client.sessionRegistration.findUnique({ where: { sessionId_userId: { sessionId, userId } }, select: { id: true } }) : null,
    sessionId
      ? client.nomination.findFirst({
          where: { sessionId, nomineeUserId: userId, status: "SELECTED", session: { status: { in: SPEAKERS_PUBLIC_STATUSES } } },
          select: { id: true },
        })
      : null,
    client.evaluationParticipation.findUnique({ where: { evaluationId_userId: { evaluationId: evaluation.id, userId } }, select: { userId: true } }),
  ]);
  return { registered: !!registration, confirmedSpeaker: !!speaker, answered: !!participation };
}

export type ScaleResult = {
  questionId: string;
  count: number;
  /** How many chose 1, 2, 3, 4, 5; null when fewer than MIN_RESPONDENTS answered it. */
  distribution: number[] | null;
  mean: number | null;
};

export type EvaluationResults = {
  respondents: number;
  /** False when fewer than MIN_RESPONDENTS answered at all: no figure is shown. */
  shown: boolean;
  scale: ScaleResult[];
  /** How many open answers each open question got (their words are not public). */
  openCounts: { questionId: string; count: number }[];
};

/**
 * The public results of a closed evaluation: counts only, computed in the database (never an
 * answer's text), or null while it is not closed. Below MIN_RESPONDENTS, overall or for a
 * question, the figures are withheld here, not only on the page.
 */
export async function getEvaluationResults(evaluation: { id: string; status: "DRAFT" | "OPEN" | "CLOSED"; opensOn: Date; closesOn: Date }, now = new Date()): Promise<EvaluationResults | null> {
  if (!resultsArePublic(evaluation, now)) return null;
  const [respondents, scores, open] = await Promise.all([
    db.evaluationResponse.count({ where: { evaluationId: evaluation.id } }),
    db.evaluationAnswer.groupBy({
      by: ["questionId", "score"],
      where: { response: { evaluationId: evaluation.id }, question: { kind: "SCALE" }, score: { not: null } },
      _count: { _all: true },
    }),
    db.evaluationAnswer.groupBy({
      by: ["questionId"],
      where: { response: { evaluationId: evaluation.id }, question: { kind: "TEXT" }, text: { not: null } },
      _count: { _all: true },
    }),
  ]);
  const shown = showsFigures(respondents);
  const byQuestion = new Map<string, number[]>();
  for (const row of scores) {
    const counts = byQuestion.get(row.questionId) ?? SCALE_POINTS.map(() => 0);
    if (row.score) counts[row.score - 1] += row._count._all;
    byQuestion.set(row.questionId, counts);
  }
  const questions = await db.evaluationQuestion.findMany({ where: { evaluationId: evaluation.id }, select: { id: true, kind: true }, orderBy: { position: "asc" } });
  const scale = questions
    .filter((q) => q.kind === "SCALE")
    .map((q): ScaleResult => {
      const counts = byQuestion.get(q.id) ?? SCALE_POINTS.map(() => 0);
      const count = counts.reduce((a, b) => a + b, 0);
      if (!shown || count < MIN_RESPONDENTS) return { questionId: q.id, count: shown ? count : 0, distribution: null, mean: null };
      const mean = counts.reduce((sum, n, i) => sum + n * (i + 1), 0) / count;
      return { questionId: q.id, count, distribution: counts, mean };
    });
  const openCounts = questions
    .filter((q) => q.kind === "TEXT")
    .map((q) => ({ questionId: q.id, count: shown ? (open.find((o) => o.questionId === q.id)?._count._all ?? 0) : 0 }));
  return { respondents, shown, scale, openCounts };
}

/**
 * The open answers, for staff and the committee only (anyone else gets null): per open question,
 * the words, in the order of the responses' random ids, so not in the order they were given.
 */
export async function getOpenAnswers(actor: Actor | null, evaluationId: string): Promise<{ questionId: string; texts: string[] }[] | null> {
  if (!canReadOpenAnswers(actor)) return null;
  const rows = await db.evaluationAnswer.findMany({
    where: { response: { evaluationId }, question: { kind: "TEXT" }, text: { not: null } },
    select: { questionId: true, text: true },
    orderBy: [{ questionId: "asc" }, { responseId: "asc" }],
  });
  const grouped = new Map<string, string[]>();
  for (const row of rows) grouped.set(row.questionId, [...(grouped.get(row.questionId) ?? []), row.text ?? ""]);
  return [...grouped].map(([questionId, texts]) => ({ questionId, texts }));
}

/** Sessions an evaluation may be about (held ones), newest first, for the form's choice. */
export async function listEvaluableSessions(actor: Actor | null) {
  if (!canManageEvaluations(actor)) return [];
  const rows = await db.reviewSession.findMany({
    where: { status: { in: ["HELD", "REPORT_PUBLISHED"] } },
    select: { id: true, title: true, startsAt: true },
    orderBy: [{ startsAt: "desc" }, { id: "asc" }],
  });
  return rows.map((r) => ({ id: r.id, title: asLocalizedText(r.title), startsAt: r.startsAt }));
}
