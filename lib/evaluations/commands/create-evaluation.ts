import { defineCommand, requires } from "@/lib/commands/run";
import { canManageEvaluations, sessionEvaluableRefusal } from "../policy";
import { createEvaluationSchema } from "../schemas";
import { evaluationAudit, pickField } from "./shared";

/**
 * Staff or a committee member start an evaluation, as a draft only they see.
 *
 * Input: { scope: "session" | "review", sessionId? (a held session, for "session"),
 *          texts: { es?: { title, intro? }, en?, pt?, fr? } (texts.es.title …), opensOn, closesOn: "YYYY-MM-DD" }
 * Result: { id }
 */
export const createEvaluation = defineCommand({
  name: "evaluations.createEvaluation",
  input: createEvaluationSchema,
  actor: "required",
  allow: requires(canManageEvaluations),
  async load({ tx, input }) {
    if (input.scope !== "session" || !input.sessionId) return { session: null };
    return { session: await tx.reviewSession.findUnique({ where: { id: input.sessionId }, select: { status: true } }) };
  },
  authorize: ({ input, loaded }) => (input.scope === "session" ? sessionEvaluableRefusal(loaded.session) : null),
  async work({ tx, input, actor, record }) {
    const row = await tx.evaluation.create({
      data: {
        sessionId: input.scope === "session" ? (input.sessionId ?? null) : null,
        title: pickField(input.texts, "title"),
        intro: pickField(input.texts, "intro"),
        opensOn: input.opensOn,
        closesOn: input.closesOn,
        createdById: actor.userId,
      },
      select: { id: true, sessionId: true, title: true },
    });
    const e = { id: row.id, sessionId: row.sessionId, title: pickField(input.texts, "title") };
    record({ action: "evaluation.created", entityType: "Evaluation", entityId: e.id, isPublic: false, data: evaluationAudit(e) });
    return { id: e.id };
  },
  invalidates: ["dialogue"],
});
