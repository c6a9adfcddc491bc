import { defineCommand } from "@/lib/commands/run";
import { resolveVoice } from "@/lib/dialogue/authorship";
import { voiceRefusal } from "@/lib/dialogue/policy";
import { conflict, refuse } from "@/lib/errors";
import { mayTakePart, supportRefusal } from "../policy";
import { supportQuestionSchema } from "../schemas";
import { loadQuestionFor, QUESTION_SURFACES, questionAudit } from "./shared";

/**
 * A participant supports someone else's question while the session is live: once each, as
 * themselves or under a pseudonym vouched for by one of their verified organizations (the
 * dialogue's voice). The primary key (question, person) holds under races and across voices:
 * the person is kept on a pseudonymous support too, read by no page or log. The insert skips a
 * duplicate instead of failing, and a person who already supported is told so. Under a
 * pseudonym the log entry has no actor.
 *
 * Input: { questionId, voice?: "self"|"pseudonym", organizationId?, showOrganization? }
 * Refused: not a participant (forbidden); not your organization (invalid); not live, own
 * question, question closed, already supported (conflict).
 */
export const supportSessionQuestion = defineCommand({
  name: "sessionQuestions.support",
  input: supportQuestionSchema,
  actor: "required",
  allow: ({ actor, input }) => (mayTakePart(actor) ? voiceRefusal(actor, input) : refuse.notSignedIn()),
  load: ({ tx, actor, input }) => loadQuestionFor(tx, actor.userId, input.questionId),
  authorize: ({ actor, loaded, now }) => supportRefusal(actor, loaded.standing, loaded.session, loaded.question, now),
  async work({ tx, actor, input, loaded, record }) {
    const voice = await resolveVoice(tx, actor, input);
    const { count } = await tx.sessionQuestionSupport.createMany({ data: [{ questionId: loaded.question.id, userId: voice.userId, pseudonymId: voice.pseudonymId }], skipDuplicates: true });
    if (count !== 1) throw conflict("sessionQuestions.alreadySupported");
    if (voice.created) record({ action: "pseudonym.created", entityType: "Pseudonym", entityId: voice.pseudonymId!, isPublic: false, actorId: null, data: {} });
    record({
      action: "session_question.supported",
      entityType: "SessionQuestion",
      entityId: loaded.question.id,
      isPublic: false,
      actorId: voice.auditActorId,
      data: questionAudit(loaded.session, loaded.question),
    });
    return { sessionId: loaded.session.id, questionId: loaded.question.id };
  },
  invalidates: QUESTION_SURFACES,
});
