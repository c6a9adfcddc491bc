import type { Locale } from "@/lib/generated/prisma/enums";
import type { AppLocale } from "@/i18n/routing";

/** One of a commitment's texts, as the reader gets it: `fallback` when it is not in their language. */
export type PickedText<T> = T & { language: Locale; fallback: boolean };

// Spanish is the language staff write first; after it, any language there is.
const ORDER: readonly Locale[] = ["es", "en", "pt", "fr"];

/** The text in the reader's language, else Spanish, else any other; null when none was written. */
export function pickText<T extends { language: Locale }>(texts: readonly T[], locale: AppLocale): PickedText<T> | null {
  for (const language of [locale, ...ORDER]) {
    const text = texts.find((t) => t.language === language);
    if (text) return { ...text, fallback: language !== locale };
  }
  return null;
}
