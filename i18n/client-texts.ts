import { createTranslator, type AbstractIntlMessages } from "next-intl";
import type { ClientTexts } from "@/components/layout/client-texts";
import { loadMessages } from "./messages";
import type { AppLocale } from "./routing";

/** The few sentences the layout hands to the browser (see components/layout/client-texts.tsx). */
export async function clientTexts(locale: AppLocale): Promise<ClientTexts> {
  const messages = (await loadMessages(locale)) as AbstractIntlMessages;
  const t = createTranslator({ locale, messages, namespace: "errors.page" }) as unknown as (key: "title" | "body" | "retry") => string;
  return { errorPage: { title: t("title"), body: t("body"), retry: t("retry") } };
}
