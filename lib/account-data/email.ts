import type { AppLocale } from "@/i18n/routing";
import { catalogueTranslator } from "@/lib/i18n/translator";
import type { Mail } from "@/lib/mail/send";
import { publicUrl } from "@/lib/url";
import en from "@/messages/en/accountData.json";
import es from "@/messages/es/accountData.json";
import fr from "@/messages/fr/accountData.json";
import pt from "@/messages/pt/accountData.json";

// Written by the job, outside any request: the catalogues are read directly.
const translator = catalogueTranslator({ es, en, pt, fr });

/**
 * "Your data is ready": a subject and a link to the account page, in the person's language.
 * Never the archive, nor a link to the file: the download needs the person signed in. Like the
 * other mails a person asked for (password reset, welcome), it has no List-Unsubscribe: it is
 * not a notice they subscribed to, and it comes once per request.
 */
export function archiveReadyMail(to: string, locale: AppLocale): Mail {
  const t = translator(locale);
  return { to, subject: t("archive.email.subject"), text: t("archive.email.body", { link: `${publicUrl()}/${locale}/account` }) };
}
