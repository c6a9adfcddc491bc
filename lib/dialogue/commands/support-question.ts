import { defineCommand } from "@/lib/commands/run";
import { conflict, notFound } from "@/lib/errors";
import { isUniqueViolation } from "@/lib/db/errors";
import { resolveVoice } from "../authorship";
import { canSupport, voiceRefusal } from "../policy";
import { supportQuestionSchema } from "../schemas";

/**
 * A signed-in person supports a question, once (the unique index on question and person decides
 * races), as themselves or under a pseudonym. A question merged into another is supported there.
 *
 * Input: { questionId, voice?, organizationId?, showOrganization? }   Result: { questionId }
 */
export const supportQuestion = defineCommand({
  name: "dialogue.supportQuestion",
  input: supportQuestionSchema,
  actor: "required",
  allow: ({ actor, input }) => (canSupport(actor) ? voiceRefusal(actor, input) : { kind: "unauthenticated", key: "notSignedIn" }),
  async load({ tx, input }) {
    const question = await tx.dialogueQuestion.findUnique({ where: { id: input.questionId }, select: { id: true, mergedIntoId: true } });
    if (!question) throw notFound();
    return { questionId: question.mergedIntoId ?? question.id };
  },
  async work({ tx, input, actor, now, loaded, record }) {
    // Support for a merged group counts once per person: supporting any of its questions is enough.
    const already = await tx.dialogueSupport.findFirst({
      where: { userId: actor.userId, question: { OR: [{ id: loaded.questionId }, { mergedIntoId: loaded.questionId }] } },
      select: { id: true },
    });
    if (already) throw conflict("dialogue.alreadySupported");
    const voice = await resolveVoice(tx, actor, input);
    await tx.dialogueSupport.create({ data: { questionId: loaded.questionId, userId: voice.userId, pseudonymId: voice.pseudonymId, createdAt: now } });
    if (voice.created) record({ action: "pseudonym.created", entityType: "Pseudonym", entityId: voice.pseudonymId!, isPublic: false, actorId: null, data: {} });
    record({
      action: "dialogue.question_supported",
      entityType: "DialogueQuestion",
      entityId: loaded.questionId,
      isPublic: false,
      actorId: voice.auditActorId,
      data: { questionId: loaded.questionId, pseudonymous: !!voice.pseudonymId },
    });
    return { questionId: loaded.questionId };
  },
  recover: (error): { questionId: string } | undefined => {
    if (isUniqueViolation(error)) throw conflict("dialogue.alreadySupported");
    return undefined;
  },
  invalidates: ["dialogue"],
});
