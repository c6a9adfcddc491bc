import { notFound } from "next/navigation";
import { setRequestLocale } from "next-intl/server";
import { isLocale, type AppLocale } from "./routing";

/**
 * Every page and layout under [locale] starts with this: the proxy only runs for `/`
 * (pages that pass through it serve about 3x slower), so the locale comes from the URL.
 */
export async function resolvePageLocale(params: Promise<{ locale: string }>): Promise<AppLocale> {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  return locale;
}
