import { defineCommand } from "@/lib/commands/run";
import { resolveVoice } from "@/lib/dialogue/authorship";
import { voiceRefusal } from "@/lib/dialogue/policy";
import { fieldError, refuse, refusalToError } from "@/lib/errors";
import type { RateLimitRule } from "@/lib/rate-limit/consume";
import { canContribute, replyRefusal, stateRefusal } from "../policy";
import { contributeSchema } from "../schemas";
import { consultationAudit, shareConsultation } from "./shared";

// A person writes a few contributions a day, not hundreds.
const contributeRule = (userId: string): RateLimitRule => ({ key: `consultations.contribute:${userId}`, limit: 30, windowSeconds: 86_400 });

/**
 * A signed-in person contributes to one of the questions while the consultation is open, or
 * replies to a contribution (one level: never to a reply), as themselves or under a pseudonym
 * vouched for by one of their verified organizations (lib/dialogue/authorship.ts). Under a
 * pseudonym the row stores no user id and the audit entry has no actor.
 *
 * Input: { questionId? | parentId?, language (one of the consultation's), body, voice?, organizationId?, showOrganization? }
 * Result: { id, consultationId }
 */
export const contribute = defineCommand({
  name: "consultations.contribute",
  input: contributeSchema,
  actor: "required",
  allow: ({ actor, input }) => (canContribute(actor) ? voiceRefusal(actor, input) : { kind: "unauthenticated", key: "notSignedIn" }),
  rateLimit: { rules: ({ actor }) => [contributeRule(actor.userId)], count: "success" },
  async load({ tx, input }) {
    const parent = input.parentId
      ? await tx.consultationContribution.findUnique({ where: { id: input.parentId }, select: { id: true, parentId: true, questionId: true, consultationId: true, hiddenAt: true } })
      : null;
    const refusal = input.parentId ? replyRefusal(parent) : null;
    if (refusal) throw refusalToError(refusal);
    const questionId = parent?.questionId ?? input.questionId!;
    const question = await tx.consultationQuestion.findUnique({ where: { id: questionId }, select: { id: true, consultationId: true } });
    if (!question) throw fieldError("questionId", "consultations.chooseQuestion");
    return { consultation: await shareConsultation(tx, question.consultationId), questionId: question.id, parentId: parent?.id ?? null };
  },
  authorize: ({ loaded, input, now }) =>
    stateRefusal(loaded.consultation, "contribute", now) ??
    (loaded.consultation.languages.includes(input.language) ? null : refuse.field("language", "consultations.languageNotTaken")),
  async work({ tx, input, actor, now, loaded, record }) {
    const voice = await resolveVoice(tx, actor, input);
    const row = await tx.consultationContribution.create({
      data: {
        consultationId: loaded.consultation.id,
        questionId: loaded.questionId,
        parentId: loaded.parentId,
        askerId: voice.authorId,
        pseudonymId: voice.pseudonymId,
        showOrganization: voice.showOrganization,
        language: input.language,
        body: input.body,
        createdAt: now,
      },
      select: { id: true },
    });
    if (voice.created) record({ action: "pseudonym.created", entityType: "Pseudonym", entityId: voice.pseudonymId!, isPublic: false, actorId: null, data: {} });
    record({
      action: "consultation.contributed",
      entityType: "ConsultationContribution",
      entityId: row.id,
      isPublic: true,
      actorId: voice.auditActorId,
      data: { ...consultationAudit(loaded.consultation), contributionId: row.id, language: input.language, reply: !!loaded.parentId, pseudonymous: !!voice.pseudonymId },
    });
    return { id: row.id, consultationId: loaded.consultation.id };
  },
  invalidates: ["dialogue", "transparency"],
});
