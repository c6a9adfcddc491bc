import { db } from "@/lib/db/client";
import type { AppLocale } from "@/i18n/routing";
import { PUBLIC_AUTHOR_SELECT, presentAuthor, type PublicAuthor } from "./authorship";
import { publicAnswerWhere, publicQuestionWhere } from "./policy";

// What the questions feed reads: new questions and new answers, public fields only. A hidden
// question is left out entirely (its words and its answer), as it is out of every status and
// count; the author is a name or a pseudonym, never the person behind one.

export type QuestionFeedEntry =
  | { kind: "asked"; questionId: string; title: string; body: string; language: AppLocale; at: Date; author: PublicAuthor; institution: Institution; objectives: number[] }
  | { kind: "answered"; questionId: string; title: string; body: string; language: AppLocale; at: Date; delegateName: string | null; institution: Institution; objectives: number[] };

type Institution = { kind: "IOM" | "ECLAC" | "STATE"; country: string | null };

const BASE = { id: true, title: true, language: true, objectives: true, institution: { select: { kind: true, country: true } } } as const;

/** The newest questions and answers, newest first, `limit` in all (two queries). */
export async function listQuestionFeedEntries(limit: number): Promise<QuestionFeedEntry[]> {
  const [asked, answered] = await Promise.all([
    db.dialogueQuestion.findMany({
      where: publicQuestionWhere,
      select: { ...BASE, body: true, createdAt: true, ...PUBLIC_AUTHOR_SELECT },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      take: limit,
    }),
    // Only a question's own answer: those merged into it point to it and repeat nothing.
    db.dialogueQuestion.findMany({
      where: publicAnswerWhere,
      select: { ...BASE, answerBody: true, answerLanguage: true, answeredAt: true, answeredBy: { select: { delegateProfile: { select: { displayName: true } } } } },
      orderBy: [{ answeredAt: "desc" }, { id: "asc" }],
      take: limit,
    }),
  ]);
  const entries: QuestionFeedEntry[] = [
    ...asked.map((q) => ({ kind: "asked" as const, questionId: q.id, title: q.title, body: q.body, language: q.language, at: q.createdAt, author: presentAuthor(q), institution: q.institution, objectives: q.objectives })),
    ...answered.map((q) => ({
      kind: "answered" as const,
      questionId: q.id,
      title: q.title,
      body: q.answerBody!,
      language: q.answerLanguage ?? q.language,
      at: q.answeredAt!,
      delegateName: q.answeredBy?.delegateProfile?.displayName ?? null,
      institution: q.institution,
      objectives: q.objectives,
    })),
  ];
  return entries.sort((a, b) => b.at.getTime() - a.at.getTime()).slice(0, limit);
}
