import { createTranslator } from "next-intl";
import type { AppLocale } from "@/i18n/routing";
import type { Mail } from "@/lib/mail/send";
import en from "@/messages/en/auth.json";
import es from "@/messages/es/auth.json";
import fr from "@/messages/fr/auth.json";
import pt from "@/messages/pt/auth.json";

// Mail is written outside any request (and in tests), so the catalogues are read directly.
const catalogues = { es, en, pt, fr } as const;

function translator(locale: AppLocale) {
  return createTranslator({ locale, messages: { auth: catalogues[locale] }, namespace: "auth.emails" });
}

export function publicUrl(): string {
  return (process.env.PUBLIC_URL ?? "http://localhost:3000").replace(/\/+$/, "");
}

/**
 * None of these mails repeat what a stranger typed (a name, say): whoever types an address
 * into a form must not be able to put words into that inbox.
 */
export function welcomeMail(to: string, locale: AppLocale): Mail {
  const t = translator(locale);
  const base = publicUrl();
  return {
    to,
    subject: t("welcome.subject"),
    text: t("welcome.text", { dashboardUrl: `${base}/${locale}/dashboard`, resetUrl: `${base}/${locale}/reset-password` }),
  };
}

export function duplicateSignUpMail(to: string, locale: AppLocale): Mail {
  const t = translator(locale);
  const base = publicUrl();
  return {
    to,
    subject: t("duplicateSignUp.subject"),
    text: t("duplicateSignUp.text", { signInUrl: `${base}/${locale}/sign-in`, resetUrl: `${base}/${locale}/reset-password` }),
  };
}

export function passwordResetMail(to: string, locale: AppLocale, token: string): Mail {
  const t = translator(locale);
  const base = publicUrl();
  return {
    to,
    subject: t("passwordReset.subject"),
    text: t("passwordReset.text", {
      resetUrl: `${base}/${locale}/reset-password?token=${encodeURIComponent(token)}`,
      requestUrl: `${base}/${locale}/reset-password`,
    }),
  };
}
