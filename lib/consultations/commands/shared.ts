import type { Tx } from "@/lib/commands/run";
import { lockRow } from "@/lib/db/locks";
import { notFound } from "@/lib/errors";
import { asLocalizedText, type LocalizedText } from "@/lib/i18n/localized-text";
import { locales } from "@/i18n/routing";
import type { ConsultationTexts } from "../schemas";

/** The consultation a change is about, locked until the change commits: changes happen one after another. */
export async function lockConsultation(tx: Tx, id: string) {
  if (!(await lockRow(tx, "Consultation", id))) throw notFound();
  const row = await tx.consultation.findUniqueOrThrow({
    where: { id },
    select: { id: true, ownerId: true, title: true, status: true, opensOn: true, closesOn: true, languages: true },
  });
  return { ...row, title: asLocalizedText(row.title) };
}

/** What every audit event of a consultation carries: its id and its title in the languages written. */
export const consultationAudit = (c: { id: string; title: LocalizedText }) => ({ consultationId: c.id, title: c.title });

/** One field of per-language texts as a JSON column: only the languages that have it. */
export function textColumn(texts: ConsultationTexts, field: "title" | "background"): LocalizedText {
  const out: LocalizedText = {};
  for (const locale of locales) {
    const value = texts[locale]?.[field];
    if (value) out[locale] = value;
  }
  return out;
}

/** The questions' rows, in the order written. */
export const questionRows = (questions: LocalizedText[]) => questions.map((text, i) => ({ position: i + 1, text: asLocalizedText(text) }));

/**
 * The consultation a post goes to, held shared until the post commits: posts go side by side,
 * and closing (which locks it for update) waits for them, so nothing lands after it closed.
 */
export async function shareConsultation(tx: Tx, id: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id::text AS id FROM "Consultation" WHERE id = ${id}::uuid FOR SHARE`;
  if (rows.length !== 1) throw notFound();
  const row = await tx.consultation.findUniqueOrThrow({ where: { id }, select: { id: true, ownerId: true, title: true, status: true, opensOn: true, closesOn: true, languages: true } });
  return { ...row, title: asLocalizedText(row.title) };
}

/** The columns the owner writes, from createConsultation's or updateConsultation's input. */
export const consultationColumns = (input: { texts: ConsultationTexts; languages: ("es" | "en" | "pt" | "fr")[]; objectives: number[]; opensOn: Date; closesOn: Date; questions: LocalizedText[] }) => ({
  title: textColumn(input.texts, "title"),
  background: textColumn(input.texts, "background"),
  languages: input.languages,
  objectives: input.objectives,
  opensOn: input.opensOn,
  closesOn: input.closesOn,
  questions: { create: questionRows(input.questions) },
});
