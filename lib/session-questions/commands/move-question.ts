import { defineCommand, requires } from "@/lib/commands/run";
import { conflict } from "@/lib/errors";
import type { SessionQuestionState } from "@/lib/generated/prisma/enums";
import { pickLocalized } from "@/lib/i18n/localized-text";
import { notify } from "@/lib/notifications/notify";
import { mayTakePart, moderateRefusal, nextQuestionState, questionTransitionRefusal } from "../policy";
import { moveQuestionSchema, type QuestionAction } from "../schemas";
import { loadQuestionFor, PUBLIC_QUESTION_SURFACES, questionAudit } from "./shared";

const AUDIT_ACTION = {
  takeUp: "session_question.taken_up",
  answer: "session_question.answered",
  setAside: "session_question.set_aside",
  reopen: "session_question.reopened",
} as const satisfies Record<QuestionAction, string>;

/** The asker hears in the app when the panel takes their question up or answers it. */
const NOTIFIED: Partial<Record<SessionQuestionState, "session_question.taken_up" | "session_question.answered">> = {
  TAKEN_UP: "session_question.taken_up",
  ANSWERED: "session_question.answered",
};

/**
 * The session's moderator (or staff) marks a question taken up, answered or set aside (with an
 * optional public reason), or reopens one marked by mistake. The state is in the WHERE, so two
 * moderators clicking at once change it once.
 *
 * Input: { questionId, action, reason? }
 * Refused: not the moderator nor staff (forbidden); the session not under way or past its
 * summary, an action the state does not allow (conflict).
 */
export const moveQuestion = defineCommand({
  name: "sessionQuestions.move",
  input: moveQuestionSchema,
  actor: "required",
  allow: requires(mayTakePart),
  load: ({ tx, actor, input }) => loadQuestionFor(tx, actor.userId, input.questionId),
  authorize: ({ actor, input, loaded, now }) =>
    moderateRefusal(actor, loaded.standing, loaded.session, now) ?? questionTransitionRefusal(loaded.question.state, input.action),
  async work({ tx, actor, input, now, loaded, record }) {
    const { question, session } = loaded;
    // authorize refused every action the state has no next one for.
    const to = nextQuestionState(question.state, input.action)!;
    const { count } = await tx.sessionQuestion.updateMany({
      where: { id: question.id, state: question.state },
      data: { state: to, stateChangedAt: now, stateChangedById: actor.userId, setAsideReason: to === "SET_ASIDE" ? (input.reason ?? null) : null },
    });
    if (count !== 1) throw conflict("sessionQuestions.wrongState");
    const data = questionAudit(session, question);
    if (input.action === "setAside") {
      record({ action: "session_question.set_aside", entityType: "SessionQuestion", entityId: question.id, isPublic: true, data: { ...data, reason: input.reason ?? null } });
    } else {
      record({ action: AUDIT_ACTION[input.action], entityType: "SessionQuestion", entityId: question.id, isPublic: true, data });
    }
    const kind = NOTIFIED[to];
    const sessionTitle = question.author ? pickLocalized(session.title, question.author.preferredLocale)?.text : undefined;
    if (kind && sessionTitle) {
      await notify(tx, { userIds: [question.authorId], kind, data: { sessionId: session.id, sessionTitle }, exceptUserId: actor.userId });
    }
    return { sessionId: session.id, questionId: question.id, state: to };
  },
  invalidates: PUBLIC_QUESTION_SURFACES,
});
