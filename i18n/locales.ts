// The languages, without next-intl: client components import these (tests/unit/client-messages.test.ts).
export const locales = ["es", "en", "pt", "fr"] as const;
export type AppLocale = (typeof locales)[number];
export const defaultLocale: AppLocale = "es";

export function isLocale(value: unknown): value is AppLocale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/** The language a form or a link asked for, or the default one: the one place that decides it. */
export function localeOr(value: unknown, fallback: AppLocale = defaultLocale): AppLocale {
  return isLocale(value) ? value : fallback;
}
