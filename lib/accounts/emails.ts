import type { AppLocale } from "@/i18n/routing";
import { catalogueTranslator } from "@/lib/i18n/translator";
import type { Mail } from "@/lib/mail/send";
import { publicUrl } from "@/lib/url";
import en from "@/messages/en/auth.json";
import es from "@/messages/es/auth.json";
import fr from "@/messages/fr/auth.json";
import pt from "@/messages/pt/auth.json";

// Mail is written outside any request (and in tests), so the catalogues are read directly.
const translator = catalogueTranslator({ es, en, pt, fr });

/**
 * None of these mails repeat what a stranger typed (a name, say): whoever types an address
 * into a form must not be able to put words into that inbox.
 */
export function welcomeMail(to: string, locale: AppLocale): Mail {
  const t = translator(locale);
  const base = publicUrl();
  return {
    to,
    subject: t("emails.welcome.subject"),
    text: t("emails.welcome.text", { dashboardUrl: `${base}/${locale}/dashboard`, resetUrl: `${base}/${locale}/reset-password` }),
  };
}

export function duplicateSignUpMail(to: string, locale: AppLocale): Mail {
  const t = translator(locale);
  const base = publicUrl();
  return {
    to,
    subject: t("emails.duplicateSignUp.subject"),
    text: t("emails.duplicateSignUp.text", { signInUrl: `${base}/${locale}/sign-in`, resetUrl: `${base}/${locale}/reset-password` }),
  };
}

export function passwordResetMail(to: string, locale: AppLocale, token: string): Mail {
  const t = translator(locale);
  const base = publicUrl();
  return {
    to,
    subject: t("emails.passwordReset.subject"),
    text: t("emails.passwordReset.text", {
      resetUrl: `${base}/${locale}/reset-password?token=${encodeURIComponent(token)}`,
      requestUrl: `${base}/${locale}/reset-password`,
    }),
  };
}
