import type { Tx } from "@/lib/commands/run";
import { lockRow } from "@/lib/db/locks";
import { notFound } from "@/lib/errors";
import { asLocalizedText, type LocalizedText } from "@/lib/i18n/localized-text";
import { locales } from "@/i18n/routing";

/** The evaluation a change is about, locked until the change commits: changes happen one after another. */
export async function lockEvaluation(tx: Tx, id: string) {
  if (!(await lockRow(tx, "Evaluation", id))) throw notFound();
  const row = await tx.evaluation.findUniqueOrThrow({
    where: { id },
    select: { id: true, sessionId: true, title: true, status: true, opensOn: true, closesOn: true, _count: { select: { questions: true } } },
  });
  return { ...row, title: asLocalizedText(row.title), questionCount: row._count.questions };
}

export type LockedEvaluation = Awaited<ReturnType<typeof lockEvaluation>>;

/** What every audit event of an evaluation carries. */
export const evaluationAudit = (e: { id: string; title: LocalizedText; sessionId: string | null }) => ({
  evaluationId: e.id,
  title: e.title,
  sessionId: e.sessionId,
});

/** One field of per-language texts as a JSON column: only the languages that have it. */
export function pickField<K extends string>(texts: Partial<Record<(typeof locales)[number], Partial<Record<K, string>>>>, field: K): LocalizedText {
  const out: LocalizedText = {};
  for (const locale of locales) {
    const value = texts[locale]?.[field];
    if (value) out[locale] = value;
  }
  return out;
}
