import { createTranslator } from "next-intl";
import type { AppLocale } from "@/i18n/routing";

/**
 * A translator over one catalogue file in the four languages, for text written outside a request
 * (emails, calendar files, scripts, tests). Typed by the catalogues: a key that does not exist in
 * them does not compile.
 */
export function catalogueTranslator<const M extends Record<string, unknown>>(catalogues: Record<AppLocale, M>) {
  return (locale: AppLocale) => createTranslator({ locale, messages: catalogues[locale] });
}
