import { defineCommand } from "@/lib/commands/run";
import { resolveVoice } from "@/lib/dialogue/authorship";
import { voiceRefusal } from "@/lib/dialogue/policy";
import { refuse } from "@/lib/errors";
import { askRefusal, mayTakePart } from "../policy";
import { askQuestionSchema } from "../schemas";
import { loadSessionFor, QUESTION_SURFACES, questionAudit } from "./shared";

/** A person posts at most this many questions to one session in ten minutes: a panel reads them all. */
const ASK_LIMIT = { limit: 10, windowSeconds: 600 };

/**
 * A registered participant (or a confirmed speaker) posts a question to the panel, in their
 * language, while the session is live, as themselves or under a pseudonym vouched for by one of
 * their verified organizations (lib/dialogue/authorship.ts): then the row stores no user id and
 * the audit entries have no actor.
 *
 * Input: { sessionId, body, language, voice?: "self"|"pseudonym", organizationId?, showOrganization? }
 * Refused: not registered nor a speaker (forbidden); the session is not live (conflict).
 */
export const askSessionQuestion = defineCommand({
  name: "sessionQuestions.ask",
  input: askQuestionSchema,
  actor: "required",
  allow: ({ actor, input }) => (mayTakePart(actor) ? voiceRefusal(actor, input) : refuse.notSignedIn()),
  rateLimit: { rules: ({ actor, input }) => [{ key: `session-question:${input.sessionId}:${actor.userId}`, ...ASK_LIMIT }], count: "success" },
  load: ({ tx, actor, input }) => loadSessionFor(tx, actor.userId, input.sessionId),
  authorize: ({ loaded, now }) => askRefusal(loaded.standing, loaded.session, now),
  async work({ tx, actor, input, loaded, record }) {
    const voice = await resolveVoice(tx, actor, input);
    const row = await tx.sessionQuestion.create({
      data: {
        sessionId: loaded.session.id,
        askerId: voice.authorId,
        pseudonymId: voice.pseudonymId,
        showOrganization: voice.showOrganization,
        language: input.language,
        body: input.body,
      },
      select: { id: true, language: true },
    });
    if (voice.created) record({ action: "pseudonym.created", entityType: "Pseudonym", entityId: voice.pseudonymId!, isPublic: false, actorId: null, data: {} });
    record({ action: "session_question.asked", entityType: "SessionQuestion", entityId: row.id, isPublic: false, actorId: voice.auditActorId, data: questionAudit(loaded.session, row) });
    return { sessionId: loaded.session.id, questionId: row.id };
  },
  invalidates: QUESTION_SURFACES,
});
