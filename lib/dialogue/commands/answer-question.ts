import { defineCommand, requires } from "@/lib/commands/run";
import { notFound, refusalToError } from "@/lib/errors";
import { lockRow } from "@/lib/db/locks";
import { notify } from "@/lib/notifications/notify";
import { answerRefusal, isDelegate, mergeRefusal } from "../policy";
import { answerQuestionSchema } from "../schemas";
import { questionRef } from "./shared";

const QUESTION = {
  id: true,
  title: true,
  institutionId: true,
  delegateId: true,
  answeredAt: true,
  mergedIntoId: true,
  askerId: true,
  institution: { select: { kind: true, country: true } },
  delegate: { select: { roles: { where: { role: "DELEGATE" }, select: { role: true } } } },
  pseudonym: { select: { userId: true } },
} as const;

/**
 * The addressee answers in public, in their language. Similar unanswered questions to the same
 * institution may be answered at once (`mergeIds`): they point to this one and show its answer;
 * their supports stay on them and the group counts each person once. Every asker is told.
 *
 * Input: { questionId, language, body, mergeIds?: [questionId…] }   Result: { id, merged }
 */
export const answerQuestion = defineCommand({
  name: "dialogue.answerQuestion",
  input: answerQuestionSchema,
  actor: "required",
  allow: requires(isDelegate, "dialogue.notDelegate"),
  async load({ tx, input, actor }) {
    // Two delegates answering at once: the second waits and finds it answered.
    if (!(await lockRow(tx, "DialogueQuestion", input.questionId))) throw notFound();
    for (const id of [...input.mergeIds].sort()) await lockRow(tx, "DialogueQuestion", id);
    // One after another: a transaction is one connection, which runs one statement at a time.
    const question = await tx.dialogueQuestion.findUniqueOrThrow({ where: { id: input.questionId }, select: QUESTION });
    const others = await tx.dialogueQuestion.findMany({ where: { id: { in: input.mergeIds } }, select: QUESTION });
    const profile = await tx.delegateProfile.findUnique({ where: { userId: actor.userId }, select: { institutionId: true, displayName: true } });
    return { question, others, profile };
  },
  authorize: ({ actor, loaded: { question, profile } }) => answerRefusal(actor, profile, { ...question, delegateActive: !!question.delegate?.roles.length }),
  async work({ tx, input, actor, now, loaded, record }) {
    const { question, others, profile } = loaded;
    for (const id of input.mergeIds) {
      const refusal = mergeRefusal(question, others.find((o) => o.id === id));
      if (refusal) throw refusalToError(refusal);
    }
    await tx.dialogueQuestion.update({
      where: { id: question.id },
      data: { answerBody: input.body, answerLanguage: input.language, answeredById: actor.userId, answeredAt: now },
    });
    if (others.length) {
      await tx.dialogueQuestion.updateMany({ where: { id: { in: input.mergeIds } }, data: { mergedIntoId: question.id, answeredById: actor.userId, answeredAt: now } });
    }
    const delegateName = profile!.displayName;
    record({
      action: "dialogue.question_answered",
      entityType: "DialogueQuestion",
      entityId: question.id,
      isPublic: true,
      data: { ...questionRef(question), delegateName, language: input.language, merged: others.length },
    });
    for (const other of others) {
      record({ action: "dialogue.question_merged", entityType: "DialogueQuestion", entityId: other.id, isPublic: true, data: { ...questionRef(other), mainQuestionId: question.id } });
    }
    // Askers under a pseudonym are told too: the notice is theirs alone.
    for (const q of [question, ...others]) {
      await notify(tx, {
        userIds: [q.askerId ?? q.pseudonym?.userId],
        kind: "dialogue.answered",
        data: { questionId: q.id, title: q.title },
        exceptUserId: actor.userId,
      });
    }
    return { id: question.id, merged: others.length };
  },
  invalidates: ["dialogue", "transparency"],
});
