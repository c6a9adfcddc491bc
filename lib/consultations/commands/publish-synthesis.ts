import { defineCommand, requires } from "@/lib/commands/run";
import { fieldError } from "@/lib/errors";
import type { Locale } from "@/lib/generated/prisma/enums";
import { pickLocalized } from "@/lib/i18n/localized-text";
import { notifyFollowers } from "@/lib/follows/notify";
import { notify } from "@/lib/notifications/notify";
import { canPublishSynthesis, synthesisRefusal } from "../policy";
import { publishSynthesisSchema } from "../schemas";
import { consultationAudit, lockConsultation } from "./shared";

/**
 * Closed → synthesized: staff publish what the consultation heard (Markdown, in the languages
 * they write) and mark the contributions it draws on, which then say so and are listed with it.
 * Every contributor is told in the app, in their language (also under a pseudonym: the notice is theirs).
 *
 * Input: { consultationId, synthesis: { es?, en?, pt?, fr? } (synthesis.es …), citedIds: [contributionId…] }
 * Result: { id, cited, notified }
 */
export const publishSynthesis = defineCommand({
  name: "consultations.publishSynthesis",
  input: publishSynthesisSchema,
  actor: "required",
  allow: requires(canPublishSynthesis, "consultations.staffOnly"),
  async load({ tx, input }) {
    const consultation = await lockConsultation(tx, input.consultationId);
    // A contribution moderators hid cannot be cited: its words are on no public page.
    const cited = await tx.consultationContribution.findMany({ where: { id: { in: input.citedIds }, consultationId: consultation.id, hiddenAt: null }, select: { id: true } });
    return { consultation, citedIds: cited.map((c) => c.id) };
  },
  authorize: ({ actor, loaded, now }) => synthesisRefusal(actor, loaded.consultation, now),
  async work({ tx, input, actor, now, loaded, record }) {
    if (loaded.citedIds.length !== input.citedIds.length) throw fieldError("citedIds", "consultations.contributionNotFound");
    const { consultation } = loaded;
    await tx.consultation.update({ where: { id: consultation.id }, data: { status: "SYNTHESIZED", synthesis: input.synthesis, synthesizedAt: now } });
    if (loaded.citedIds.length) await tx.consultationContribution.updateMany({ where: { id: { in: loaded.citedIds } }, data: { cited: true } });
    record({ action: "consultation.synthesis_published", entityType: "Consultation", entityId: consultation.id, isPublic: true, data: { ...consultationAudit(consultation), cited: loaded.citedIds.length } });
    // Contributors, named or under a pseudonym, each once, in their language.
    const rows = await tx.consultationContribution.findMany({
      where: { consultationId: consultation.id },
      select: { asker: { select: { id: true, preferredLocale: true } }, pseudonym: { select: { user: { select: { id: true, preferredLocale: true } } } } },
    });
    const byLocale = new Map<Locale, Set<string>>();
    for (const r of rows) {
      const person = r.asker ?? r.pseudonym?.user;
      if (person) byLocale.set(person.preferredLocale, (byLocale.get(person.preferredLocale) ?? new Set()).add(person.id));
    }
    let notified = 0;
    for (const [locale, userIds] of byLocale) {
      const title = pickLocalized(consultation.title, locale)?.text;
      if (!title) continue;
      notified += await notify(tx, { userIds: [...userIds], kind: "consultation.synthesis_published", data: { consultationId: consultation.id, title }, exceptUserId: actor.userId });
    }
    // Followers who did not contribute, with their own sentence.
    const contributors = [...byLocale.values()].flatMap((ids) => [...ids]);
    const data = (locale: Locale) => {
      const title = pickLocalized(consultation.title, locale)?.text;
      return title ? { consultationId: consultation.id, title } : null;
    };
    notified += await notifyFollowers(tx, { subject: "CONSULTATION", key: consultation.id }, "consultation.followed_synthesis_published", data, [actor.userId, ...contributors]);
    return { id: consultation.id, cited: loaded.citedIds.length, notified };
  },
  invalidates: ["dialogue", "transparency"],
});
