import { getTranslations } from "next-intl/server";
import { pickLocalized, type LocalizedText } from "@/lib/i18n/localized-text";
import type { AppLocale } from "@/i18n/routing";

/** The reader's language, else another one, with its `lang`; `null` when nothing was written. */
export function pickText(value: LocalizedText, locale: AppLocale) {
  const picked = pickLocalized(value, locale);
  return picked ? { ...picked, fallback: picked.lang !== locale } : null;
}

/**
 * A text staff wrote in the languages they could: the reader's, else another, marked with the
 * language it is in (for screen readers through `lang`, for everyone in words).
 */
export async function LocalizedLine({ value, locale, className }: { value: LocalizedText; locale: AppLocale; className?: string }) {
  const picked = pickText(value, locale);
  if (!picked) return null;
  const tc = await getTranslations("common");
  return (
    <span className={className}>
      <span lang={picked.lang}>{picked.text}</span>
      {picked.fallback ? <span className="ml-1 text-sm font-normal text-slate-700">({tc(`languages.${picked.lang}`)})</span> : null}
    </span>
  );
}
