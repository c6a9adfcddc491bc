import { defineCommand } from "@/lib/commands/run";
import { conflict, notFound } from "@/lib/errors";
import { canSupport, withdrawSupportRefusal } from "../policy";
import { questionRefSchema } from "../schemas";

/**
 * A person takes back their support of a question (or of the merged group it belongs to). The
 * asker's own support is part of asking and stays. Two withdrawals at once delete one row: the
 * second is told there was nothing to withdraw.
 *
 * Input: { questionId }   Result: { questionId }
 */
export const withdrawQuestionSupport = defineCommand({
  name: "dialogue.withdrawSupport",
  input: questionRefSchema,
  actor: "required",
  allow: ({ actor }) => (canSupport(actor) ? null : { kind: "unauthenticated", key: "notSignedIn" }),
  async load({ tx, input, actor }) {
    const question = await tx.dialogueQuestion.findUnique({ where: { id: input.questionId }, select: { id: true, mergedIntoId: true } });
    if (!question) throw notFound();
    const main = question.mergedIntoId ?? question.id;
    // Support for a merged group is one row on any of its questions (see supportQuestion).
    const support = await tx.dialogueSupport.findFirst({
      where: { userId: actor.userId, question: { OR: [{ id: main }, { mergedIntoId: main }] } },
      select: { id: true, pseudonymId: true, question: { select: { askerId: true, pseudonym: { select: { userId: true } } } } },
    });
    return { questionId: main, support };
  },
  authorize: ({ actor, loaded }) =>
    withdrawSupportRefusal(actor, loaded.support && { askerId: loaded.support.question.askerId, pseudonymUserId: loaded.support.question.pseudonym?.userId ?? null }),
  async work({ tx, loaded, record }) {
    const { count } = await tx.dialogueSupport.deleteMany({ where: { id: loaded.support!.id } });
    if (count !== 1) throw conflict("dialogue.notSupported");
    record({
      action: "dialogue.support_withdrawn",
      entityType: "DialogueQuestion",
      entityId: loaded.questionId,
      isPublic: false,
      // Under a pseudonym the entry has no actor, as the support had none.
      actorId: loaded.support!.pseudonymId ? null : undefined,
      data: { questionId: loaded.questionId, pseudonymous: !!loaded.support!.pseudonymId },
    });
    return { questionId: loaded.questionId };
  },
  invalidates: ["dialogue"],
});
