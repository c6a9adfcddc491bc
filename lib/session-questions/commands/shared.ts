import type { Tx } from "@/lib/commands/run";
import { notFound } from "@/lib/errors";
import { asLocalizedText } from "@/lib/i18n/localized-text";
import { PUBLIC_SESSION_STATUSES } from "@/lib/sessions/policy";
import { loadStanding } from "../standing";

/** What the commands read about a session: enough to decide "live" and to name it in the log. */
const sessionSelect = { id: true, title: true, status: true, startsAt: true, endsAt: true } as const;

/** A public session (drafts are staff's and take no questions) and the actor's standing in it. */
export async function loadSessionFor(tx: Tx, userId: string, sessionId: string) {
  const session = await tx.reviewSession.findFirst({ where: { id: sessionId, status: { in: PUBLIC_SESSION_STATUSES } }, select: sessionSelect });
  if (!session) throw notFound();
  return { session, standing: await loadStanding(tx, userId, session) };
}

/** A question of a public session, its session, and the actor's standing in that session. */
export async function loadQuestionFor(tx: Tx, userId: string, questionId: string) {
  const question = await tx.sessionQuestion.findFirst({
    where: { id: questionId, session: { status: { in: PUBLIC_SESSION_STATUSES } } },
    select: {
      id: true,
      askerId: true,
      language: true,
      state: true,
      drawnOnAt: true,
      asker: { select: { preferredLocale: true } },
      // Under a pseudonym: the person behind it, read only to refuse supporting one's own
      // question and to tell them privately; never written to a post or a log entry.
      pseudonym: { select: { userId: true, user: { select: { preferredLocale: true } } } },
      session: { select: sessionSelect },
    },
  });
  if (!question) throw notFound();
  const author = question.askerId ? { id: question.askerId, ...question.asker! } : question.pseudonym?.user ? { id: question.pseudonym.userId!, ...question.pseudonym.user } : null;
  return { question: { ...question, authorId: author?.id ?? null, author }, session: question.session, standing: await loadStanding(tx, userId, question.session) };
}

/** What every log entry about a question carries: the session (every title it has), the question and its language; never the asker. */
export const questionAudit = (session: { id: string; title: unknown }, question: { id: string; language: string }) => ({
  sessionId: session.id,
  sessionTitle: asLocalizedText(session.title),
  questionId: question.id,
  language: question.language as "es" | "en" | "pt" | "fr",
});

/** A question shows on its session's page; a change of state also in the public log. */
export const QUESTION_SURFACES = ["sessions"] as const;
export const PUBLIC_QUESTION_SURFACES = ["sessions", "transparency"] as const;
