import { defineCommand } from "@/lib/commands/run";
import { fieldError } from "@/lib/errors";
import type { RateLimitRule } from "@/lib/rate-limit/consume";
import { resolveVoice } from "../authorship";
import { answerDeadline, canAsk, voiceRefusal } from "../policy";
import { askQuestionSchema } from "../schemas";
import { questionRef } from "./shared";

// A person asks a handful of questions a day, not hundreds.
const askRule = (userId: string): RateLimitRule => ({ key: `dialogue.ask:${userId}`, limit: 10, windowSeconds: 86_400 });

/**
 * A signed-in person asks an institution, or one of its current delegates, a question in their
 * language, as themselves or under a pseudonym. The answer is due `answerDays()` later. Asking
 * counts as the asker's support.
 *
 * Input: { addressee: "institution:<id>" | "delegate:<userId>", language, title, body,
 *          objectives?, voice?: "self"|"pseudonym", organizationId?, showOrganization? }
 * Result: { id }
 */
export const askQuestion = defineCommand({
  name: "dialogue.askQuestion",
  input: askQuestionSchema,
  actor: "required",
  allow: ({ actor, input }) => (canAsk(actor) ? voiceRefusal(actor, input) : { kind: "unauthenticated", key: "notSignedIn" }),
  rateLimit: { rules: ({ actor }) => [askRule(actor.userId)], count: "success" },
  async load({ tx, input }) {
    if (input.delegateId) {
      const profile = await tx.delegateProfile.findFirst({
        where: { userId: input.delegateId, user: { roles: { some: { role: "DELEGATE" } } } },
        select: { userId: true, institution: { select: { id: true, kind: true, country: true } } },
      });
      if (!profile) throw fieldError("addressee", "dialogue.chooseAddressee");
      return { institution: profile.institution, delegateId: profile.userId };
    }
    const institution = await tx.dialogueInstitution.findUnique({ where: { id: input.institutionId }, select: { id: true, kind: true, country: true } });
    if (!institution) throw fieldError("addressee", "dialogue.chooseAddressee");
    return { institution, delegateId: null };
  },
  async work({ tx, input, actor, now, loaded, record }) {
    const voice = await resolveVoice(tx, actor, input);
    const question = await tx.dialogueQuestion.create({
      data: {
        institutionId: loaded.institution.id,
        delegateId: loaded.delegateId,
        askerId: voice.authorId,
        pseudonymId: voice.pseudonymId,
        showOrganization: voice.showOrganization,
        language: input.language,
        title: input.title,
        body: input.body,
        objectives: input.objectives,
        deadlineAt: answerDeadline(now),
        createdAt: now,
      },
      select: { id: true, title: true },
    });
    await tx.dialogueSupport.create({ data: { questionId: question.id, userId: voice.userId, pseudonymId: voice.pseudonymId, createdAt: now } });
    if (voice.created) record({ action: "pseudonym.created", entityType: "Pseudonym", entityId: voice.pseudonymId!, isPublic: false, actorId: null, data: {} });
    record({
      action: "dialogue.question_asked",
      entityType: "DialogueQuestion",
      entityId: question.id,
      isPublic: true,
      actorId: voice.auditActorId,
      data: { ...questionRef({ ...question, institution: loaded.institution }), pseudonymous: !!voice.pseudonymId },
    });
    return { id: question.id };
  },
  invalidates: ["dialogue", "transparency"],
});
