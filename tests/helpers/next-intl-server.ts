// next-intl/server outside Next (no request config): route handlers under test get their
// translations from the real catalogues. Use as `vi.mock("next-intl/server", () => import(…))`.
import { createFormatter, createTranslator } from "next-intl";
import { loadMessages } from "@/i18n/messages";
import type { AppLocale } from "@/i18n/routing";

export async function getTranslations({ locale, namespace }: { locale: AppLocale; namespace?: string }) {
  return createTranslator({ locale, messages: await loadMessages(locale), namespace });
}

export async function getFormatter({ locale }: { locale: AppLocale }) {
  return createFormatter({ locale, timeZone: "America/Mexico_City" });
}
