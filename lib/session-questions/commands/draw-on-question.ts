import { defineCommand, requires } from "@/lib/commands/run";
import { conflict } from "@/lib/errors";
import { drawOnRefusal, mayTakePart } from "../policy";
import { drawOnQuestionSchema } from "../schemas";
import { loadQuestionFor, PUBLIC_QUESTION_SURFACES, questionAudit } from "./shared";

/**
 * The rapporteur (or staff) marks a question as one the session's summary draws on, or takes
 * the mark back. The session page lists the questions drawn on under the summary, each linked,
 * and gives the rapporteur a ready "questions from participants" section to paste in.
 *
 * Input: { questionId, drawnOn }
 * Refused: not the rapporteur nor staff (forbidden); before questions open, or no change (conflict).
 */
export const drawOnQuestion = defineCommand({
  name: "sessionQuestions.drawOn",
  input: drawOnQuestionSchema,
  actor: "required",
  allow: requires(mayTakePart),
  load: ({ tx, actor, input }) => loadQuestionFor(tx, actor.userId, input.questionId),
  authorize: ({ actor, loaded, now }) => drawOnRefusal(actor, loaded.standing, loaded.session, now),
  async work({ tx, actor, input, now, loaded, record }) {
    const { question, session } = loaded;
    const { count } = await tx.sessionQuestion.updateMany({
      where: { id: question.id, drawnOnAt: input.drawnOn ? null : { not: null } },
      data: input.drawnOn ? { drawnOnAt: now, drawnOnById: actor.userId } : { drawnOnAt: null, drawnOnById: null },
    });
    if (count !== 1) throw conflict(input.drawnOn ? "sessionQuestions.alreadyDrawnOn" : "sessionQuestions.notDrawnOn");
    record({
      action: "session_question.drawn_on",
      entityType: "SessionQuestion",
      entityId: question.id,
      isPublic: true,
      data: { ...questionAudit(session, question), drawnOn: input.drawnOn },
    });
    return { sessionId: session.id, questionId: question.id, drawnOn: input.drawnOn };
  },
  invalidates: PUBLIC_QUESTION_SURFACES,
});
