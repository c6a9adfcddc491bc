import type { AppLocale } from "@/i18n/routing";
import { catalogueTranslator } from "@/lib/i18n/translator";
import type { Mail } from "@/lib/mail/send";
import { publicUrl } from "@/lib/url";
import es from "@/messages/es/report.json";
import en from "@/messages/en/report.json";
import pt from "@/messages/pt/report.json";
import fr from "@/messages/fr/report.json";

const translator = catalogueTranslator({ es, en, pt, fr });

/** To a verified organization's contact address, in its first working language, with the link to /report. */
export function finalReportEmail(options: { to: string; locale: AppLocale; organizationName: string; versionNumber: number; title: string }): Mail {
  const t = translator(options.locale);
  const values = {
    organizationName: options.organizationName,
    versionNumber: options.versionNumber,
    title: options.title,
    link: `${publicUrl()}/${options.locale}/report`,
  };
  return { to: options.to, subject: t("emails.final.subject", values), text: `${t("emails.final.body", values)}\n\n${t("emails.signature")}` };
}
