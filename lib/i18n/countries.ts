import countries from "i18n-iso-countries";
import en from "i18n-iso-countries/langs/en.json";
import es from "i18n-iso-countries/langs/es.json";
import fr from "i18n-iso-countries/langs/fr.json";
import pt from "i18n-iso-countries/langs/pt.json";
import type { AppLocale } from "@/i18n/routing";

for (const data of [es, en, pt, fr]) countries.registerLocale(data);

/** Country names come from i18n-iso-countries (maintained, CLDR-based), never a hand-written list. */
export function countryName(code: string, locale: AppLocale): string {
  return countries.getName(code.toUpperCase(), locale, { select: "official" }) ?? code;
}

export function isCountryCode(code: string): boolean {
  return countries.isValid(code.toUpperCase()) && code.length === 2;
}

/** Every country as {value, label}, sorted by its name in the reader's language. */
export function countryOptions(locale: AppLocale, codes?: readonly string[]): { value: string; label: string }[] {
  const list = codes ?? Object.keys(countries.getAlpha2Codes());
  const collator = new Intl.Collator(locale);
  return list.map((code) => ({ value: code, label: countryName(code, locale) })).sort((a, b) => collator.compare(a.label, b.label));
}
