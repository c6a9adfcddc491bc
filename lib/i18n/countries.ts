import countries from "i18n-iso-countries";
import en from "i18n-iso-countries/langs/en.json";
import es from "i18n-iso-countries/langs/es.json";
import fr from "i18n-iso-countries/langs/fr.json";
import pt from "i18n-iso-countries/langs/pt.json";
import type { AppLocale } from "@/i18n/routing";
import { collator, numberFormat } from "./intl-cache";

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
  const order = collator(locale);
  return list.map((code) => ({ value: code, label: countryName(code, locale) })).sort((a, b) => order.compare(a.label, b.label));
}

/** How many public items (organizations, proposals) come from or concern a country. */
export type CountryCount = { country: string; count: number };

/**
 * A filter's countries: those that have public items, by name in the reader's language, each
 * with its count ("Honduras (4)"). A country chosen in the URL stays, even with nothing left,
 * so the form shows what is filtered.
 */
export function countryFilterOptions(counts: readonly CountryCount[], locale: AppLocale, selected?: string): { value: string; label: string }[] {
  const number = numberFormat(locale);
  const byCountry = new Map(counts.filter((c) => c.count > 0 && isCountryCode(c.country)).map((c) => [c.country.toUpperCase(), c.count]));
  if (selected && isCountryCode(selected) && !byCountry.has(selected.toUpperCase())) byCountry.set(selected.toUpperCase(), 0);
  const order = collator(locale);
  return [...byCountry.entries()]
    .map(([code, count]) => ({ value: code, label: `${countryName(code, locale)} (${number.format(count)})` }))
    .sort((a, b) => order.compare(a.label, b.label));
}
