import { defineCommand, requires } from "@/lib/commands/run";
import { conflict } from "@/lib/errors";
import { mayTakePart, supportRefusal } from "../policy";
import { questionRefSchema } from "../schemas";
import { loadQuestionFor, QUESTION_SURFACES, questionAudit } from "./shared";

/**
 * A participant supports someone else's question while the session is live: once each. The
 * primary key (question, person) holds under races; the insert skips a duplicate instead of
 * failing, and a person who already supported is told so.
 *
 * Input: { questionId }
 * Refused: not a participant (forbidden); not live, own question, question closed, already supported (conflict).
 */
export const supportSessionQuestion = defineCommand({
  name: "sessionQuestions.support",
  input: questionRefSchema,
  actor: "required",
  allow: requires(mayTakePart),
  load: ({ tx, actor, input }) => loadQuestionFor(tx, actor.userId, input.questionId),
  authorize: ({ actor, loaded, now }) => supportRefusal(actor, loaded.standing, loaded.session, loaded.question, now),
  async work({ tx, actor, loaded, record }) {
    const { count } = await tx.sessionQuestionSupport.createMany({ data: [{ questionId: loaded.question.id, userId: actor.userId }], skipDuplicates: true });
    if (count !== 1) throw conflict("sessionQuestions.alreadySupported");
    record({
      action: "session_question.supported",
      entityType: "SessionQuestion",
      entityId: loaded.question.id,
      isPublic: false,
      data: questionAudit(loaded.session, loaded.question),
    });
    return { sessionId: loaded.session.id, questionId: loaded.question.id };
  },
  invalidates: QUESTION_SURFACES,
});
