import { db } from "@/lib/db/client";
import { asLocalizedText, type LocalizedText } from "@/lib/i18n/localized-text";
import type { AppLocale } from "@/i18n/routing";

// What the consultations feed reads: openings, the owner's information updates and published
// syntheses, of consultations past their draft only. Contributions are not in it (they are
// people's words, read on the page with their moderation).

export type ConsultationFeedEntry = {
  kind: "opened" | "update" | "synthesis";
  /** Stable within its kind: the consultation's id, or the update's. */
  id: string;
  consultationId: string;
  title: LocalizedText;
  /** Background, update or synthesis, in the languages written. */
  text: LocalizedText;
  at: Date;
  objectives: number[];
};

const PUBLIC = { status: { not: "DRAFT" } } as const;
const CONSULTATION = { id: true, title: true, objectives: true } as const;

/** The newest openings, updates and syntheses, newest first, `limit` in all (three queries). */
export async function listConsultationFeedEntries(limit: number): Promise<ConsultationFeedEntry[]> {
  const [opened, updates, syntheses] = await Promise.all([
    db.consultation.findMany({ where: { ...PUBLIC, openedAt: { not: null } }, select: { ...CONSULTATION, background: true, openedAt: true }, orderBy: { openedAt: "desc" }, take: limit }),
    db.consultationUpdate.findMany({
      where: { consultation: PUBLIC },
      select: { id: true, language: true, body: true, createdAt: true, consultation: { select: CONSULTATION } },
      orderBy: { createdAt: "desc" },
      take: limit,
    }),
    db.consultation.findMany({ where: { status: "SYNTHESIZED", synthesizedAt: { not: null } }, select: { ...CONSULTATION, synthesis: true, synthesizedAt: true }, orderBy: { synthesizedAt: "desc" }, take: limit }),
  ]);
  const entries: ConsultationFeedEntry[] = [
    ...opened.map((c) => ({ kind: "opened" as const, id: c.id, consultationId: c.id, title: asLocalizedText(c.title), text: asLocalizedText(c.background), at: c.openedAt!, objectives: c.objectives })),
    ...updates.map((u) => ({
      kind: "update" as const,
      id: u.id,
      consultationId: u.consultation.id,
      title: asLocalizedText(u.consultation.title),
      text: { [u.language]: u.body } as Partial<Record<AppLocale, string>>,
      at: u.createdAt,
      objectives: u.consultation.objectives,
    })),
    ...syntheses.map((c) => ({ kind: "synthesis" as const, id: c.id, consultationId: c.id, title: asLocalizedText(c.title), text: asLocalizedText(c.synthesis), at: c.synthesizedAt!, objectives: c.objectives })),
  ];
  return entries.sort((a, b) => b.at.getTime() - a.at.getTime()).slice(0, limit);
}
