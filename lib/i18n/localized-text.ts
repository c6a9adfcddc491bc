import type { AppLocale } from "@/i18n/routing";
import { locales } from "@/i18n/routing";

/** Text that staff write in the languages they can: {"es": "…", "en": "…"}. */
export type LocalizedText = Partial<Record<AppLocale, string>>;

/** Reads a JSON column into LocalizedText, dropping anything that is not a non-empty string. */
export function asLocalizedText(value: unknown): LocalizedText {
  const text: LocalizedText = {};
  if (!value || typeof value !== "object") return text;
  for (const locale of locales) {
    const entry = (value as Record<string, unknown>)[locale];
    if (typeof entry === "string" && entry.trim()) text[locale] = entry;
  }
  return text;
}

/** The reader's language, else Spanish, else any language it was written in. */
export function pickLocalized(value: unknown, locale: AppLocale): { text: string; lang: AppLocale } | null {
  const text = asLocalizedText(value);
  for (const candidate of [locale, "es" as const, ...locales]) {
    const entry = text[candidate];
    if (entry) return { text: entry, lang: candidate };
  }
  return null;
}
