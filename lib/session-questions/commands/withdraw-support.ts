import { defineCommand, requires } from "@/lib/commands/run";
import { conflict } from "@/lib/errors";
import { mayTakePart, withdrawSupportRefusal } from "../policy";
import { questionRefSchema } from "../schemas";
import { loadQuestionFor, QUESTION_SURFACES, questionAudit } from "./shared";

/**
 * A participant takes back their support of a question while the session is live and the
 * question still before the panel (the same window as supporting), whichever voice they gave it
 * in. Two withdrawals at once delete one row: the second is told there was nothing to withdraw.
 * A pseudonymous support's withdrawal is logged without an actor, as the support was.
 *
 * Input: { questionId }
 * Refused: not a participant (forbidden); not live, question closed, not supported (conflict).
 */
export const withdrawSessionQuestionSupport = defineCommand({
  name: "sessionQuestions.withdrawSupport",
  input: questionRefSchema,
  actor: "required",
  allow: requires(mayTakePart),
  async load({ tx, actor, input }) {
    const loaded = await loadQuestionFor(tx, actor.userId, input.questionId);
    const support = await tx.sessionQuestionSupport.findUnique({ where: { questionId_userId: { questionId: loaded.question.id, userId: actor.userId } }, select: { pseudonymId: true } });
    return { ...loaded, supported: !!support, pseudonymous: !!support?.pseudonymId };
  },
  authorize: ({ loaded, now }) => withdrawSupportRefusal(loaded.standing, loaded.session, loaded.question, loaded.supported, now),
  async work({ tx, actor, loaded, record }) {
    const { count } = await tx.sessionQuestionSupport.deleteMany({ where: { questionId: loaded.question.id, userId: actor.userId } });
    if (count !== 1) throw conflict("sessionQuestions.notSupported");
    record({
      action: "session_question.support_withdrawn",
      entityType: "SessionQuestion",
      entityId: loaded.question.id,
      isPublic: false,
      actorId: loaded.pseudonymous ? null : undefined,
      data: questionAudit(loaded.session, loaded.question),
    });
    return { sessionId: loaded.session.id, questionId: loaded.question.id };
  },
  invalidates: QUESTION_SURFACES,
});
