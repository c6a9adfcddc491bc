import { defineCommand, requires } from "@/lib/commands/run";
import { askRefusal, mayTakePart } from "../policy";
import { askQuestionSchema } from "../schemas";
import { loadSessionFor, QUESTION_SURFACES, questionAudit } from "./shared";

/** A person posts at most this many questions to one session in ten minutes: a panel reads them all. */
const ASK_LIMIT = { limit: 10, windowSeconds: 600 };

/**
 * A registered participant (or a confirmed speaker) posts a question to the panel, in their
 * language, while the session is live.
 *
 * Input: { sessionId, body, language }
 * Refused: not registered nor a speaker (forbidden); the session is not live (conflict).
 */
export const askSessionQuestion = defineCommand({
  name: "sessionQuestions.ask",
  input: askQuestionSchema,
  actor: "required",
  allow: requires(mayTakePart),
  rateLimit: { rules: ({ actor, input }) => [{ key: `session-question:${input.sessionId}:${actor.userId}`, ...ASK_LIMIT }], count: "success" },
  load: ({ tx, actor, input }) => loadSessionFor(tx, actor.userId, input.sessionId),
  authorize: ({ loaded, now }) => askRefusal(loaded.standing, loaded.session, now),
  async work({ tx, actor, input, loaded, record }) {
    const row = await tx.sessionQuestion.create({
      data: { sessionId: loaded.session.id, askerId: actor.userId, language: input.language, body: input.body },
      select: { id: true, language: true },
    });
    record({ action: "session_question.asked", entityType: "SessionQuestion", entityId: row.id, isPublic: false, data: questionAudit(loaded.session, row) });
    return { sessionId: loaded.session.id, questionId: row.id };
  },
  invalidates: QUESTION_SURFACES,
});
