import { db } from "@/lib/db/client";
import { getEvaluationResults } from "@/lib/evaluations/queries";
import { asLocalizedText } from "@/lib/i18n/localized-text";
import { publicSessionQuestionWhere } from "@/lib/session-questions/visibility";
import { afterId, fields, UUID_PATTERN, type Dataset, type Row } from "../types";

// Questions to a session's panel and the aggregate results of closed evaluations, read with
// the same rules as their pages. Never who asked, and never an open answer's words.

export const sessionQuestions: Dataset = {
  name: "session-questions",
  fields: fields("id:string", "sessionId:string", "language:string", "body:string", "status:string", "setAsideReason:string?", "supportCount:integer", "drawnOn:boolean", "createdAt:datetime"),
  idPattern: UUID_PATTERN,
  async page(after, limit) {
    const rows = await db.sessionQuestion.findMany({
      where: { AND: [publicSessionQuestionWhere, afterId(after)] },
      orderBy: { id: "asc" },
      take: limit,
      select: { id: true, sessionId: true, language: true, body: true, state: true, setAsideReason: true, drawnOnAt: true, createdAt: true, _count: { select: { supports: true } } },
    });
    return rows.map((r) => ({
      id: r.id,
      sessionId: r.sessionId,
      language: r.language,
      body: r.body,
      status: r.state,
      // As on the page: the reason only while it is set aside.
      setAsideReason: r.state === "SET_ASIDE" ? r.setAsideReason : null,
      supportCount: r._count.supports,
      drawnOn: !!r.drawnOnAt,
      createdAt: r.createdAt.toISOString(),
    }));
  },
  count: () => db.sessionQuestion.count({ where: publicSessionQuestionWhere }),
};

/**
 * One row per question of every evaluation whose results are public, from getEvaluationResults,
 * the function the evaluation page shows: null for an evaluation not closed, figures withheld
 * below the minimum of respondents, and for open questions only how many answered.
 */
async function evaluationRows(now: Date): Promise<Row[]> {
  const evaluations = await db.evaluation.findMany({
    where: { status: { not: "DRAFT" } },
    orderBy: { id: "asc" },
    select: { id: true, sessionId: true, title: true, status: true, opensOn: true, closesOn: true, questions: { select: { id: true, position: true, kind: true, text: true } } },
  });
  const rows: Row[] = [];
  for (const e of evaluations) {
    const results = await getEvaluationResults(e, now);
    if (!results) continue;
    const scale = new Map(results.scale.map((s) => [s.questionId, s]));
    const open = new Map(results.openCounts.map((o) => [o.questionId, o.count]));
    for (const q of e.questions) {
      const s = scale.get(q.id);
      rows.push({
        id: q.id,
        evaluationId: e.id,
        sessionId: e.sessionId,
        evaluationTitle: asLocalizedText(e.title),
        position: q.position,
        questionKind: q.kind,
        text: asLocalizedText(q.text),
        respondents: results.shown ? results.respondents : null,
        answers: results.shown ? (s ? s.count : (open.get(q.id) ?? 0)) : null,
        distribution: s?.distribution ?? null,
        mean: s?.mean === null || s?.mean === undefined ? null : Math.round(s.mean * 100) / 100,
      });
    }
  }
  return rows.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
}

export const evaluationResults: Dataset = {
  name: "evaluation-results",
  fields: fields(
    "id:string",
    "evaluationId:string",
    "sessionId:string?",
    "evaluationTitle:object",
    "position:integer",
    "questionKind:string",
    "text:object",
    "respondents:integer?",
    "answers:integer?",
    "distribution:array<integer>?",
    "mean:number?",
  ),
  idPattern: UUID_PATTERN,
  // A few evaluations of a handful of questions: computed whole, then paged.
  async page(after, limit) {
    const rows = await evaluationRows(new Date());
    return rows.filter((r) => after === null || r.id > after).slice(0, limit);
  },
  count: async () => (await evaluationRows(new Date())).length,
};
