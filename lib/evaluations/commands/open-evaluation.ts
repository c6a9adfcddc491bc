import { defineCommand, requires } from "@/lib/commands/run";
import type { Locale } from "@/lib/generated/prisma/enums";
import { pickLocalized } from "@/lib/i18n/localized-text";
import { notify } from "@/lib/notifications/notify";
import { formatCalendarDate } from "@/lib/roles/schemas";
import { canManageEvaluations, evaluationActionRefusal } from "../policy";
import { evaluationIdSchema } from "../schemas";
import { evaluationAudit, lockEvaluation } from "./shared";

/**
 * Draft → open: participants may answer from its opening day. A session's evaluation tells the
 * session's registered participants in the app, each with the title in their language.
 *
 * Input: { evaluationId }. Result: { id, notified }.
 */
export const openEvaluation = defineCommand({
  name: "evaluations.openEvaluation",
  input: evaluationIdSchema,
  actor: "required",
  allow: requires(canManageEvaluations),
  load: ({ tx, input }) => lockEvaluation(tx, input.evaluationId),
  authorize: ({ loaded, now }) => evaluationActionRefusal(loaded, "open", now),
  async work({ tx, loaded, actor, now, record }) {
    await tx.evaluation.update({ where: { id: loaded.id }, data: { status: "OPEN", openedAt: now } });
    record({
      action: "evaluation.opened",
      entityType: "Evaluation",
      entityId: loaded.id,
      isPublic: true,
      data: { ...evaluationAudit(loaded), opensOn: formatCalendarDate(loaded.opensOn), closesOn: formatCalendarDate(loaded.closesOn) },
    });
    let notified = 0;
    if (loaded.sessionId) {
      const registrants = await tx.sessionRegistration.findMany({ where: { sessionId: loaded.sessionId }, select: { userId: true, user: { select: { preferredLocale: true } } } });
      // One notice per language, so each reader gets the title in theirs (else another).
      const byLocale = new Map<Locale, string[]>();
      for (const r of registrants) byLocale.set(r.user.preferredLocale, [...(byLocale.get(r.user.preferredLocale) ?? []), r.userId]);
      for (const [locale, userIds] of byLocale) {
        const title = pickLocalized(loaded.title, locale)?.text;
        if (!title) continue;
        notified += await notify(tx, { userIds, kind: "evaluation.opened", data: { evaluationId: loaded.id, title }, exceptUserId: actor.userId });
      }
    }
    return { id: loaded.id, notified };
  },
  invalidates: ["dialogue", "transparency", "sessions"],
});
