import type { Mail } from "@/lib/mail/send";
import type { Locale, SpeakerRole } from "@/lib/generated/prisma/enums";
import { pickLocalized } from "@/lib/i18n/localized-text";
import { catalogueTranslator } from "@/lib/i18n/translator";
import { publicUrl } from "@/lib/url";
import { isLocale, type AppLocale } from "@/i18n/routing";
import es from "@/messages/es/nominee.json";
import en from "@/messages/en/nominee.json";
import pt from "@/messages/pt/nominee.json";
import fr from "@/messages/fr/nominee.json";

// Emails to nominees, from the same catalogue as their page (nominee.json), in their language.
const translator = catalogueTranslator({ es, en, pt, fr });

type EmailKind = "invitation" | "accepted" | "selected" | "notSelected";

/**
 * The language a nominee reads: a member's own setting; for someone without an account, the
 * first of the nomination's languages that the site speaks, else Spanish.
 */
export function nomineeLocale(nomination: { languages: readonly Locale[]; nomineeUser?: { preferredLocale: Locale } | null }): AppLocale {
  if (nomination.nomineeUser) return nomination.nomineeUser.preferredLocale;
  return nomination.languages.find((l) => isLocale(l)) ?? "es";
}

/** The personal link of a token, in the nominee's language. */
export const nomineeLink = (locale: AppLocale, token: string) => `${publicUrl()}/${locale}/nominations/${token}`;

/** What every nominee email says about the session and the role. */
export type NomineeMailContext = {
  to: string;
  locale: AppLocale;
  nomineeName: string;
  role: SpeakerRole;
  session: { id: string; title: unknown; startsAt: Date; timeZone: string };
};

/** A moment in the session's own time zone, named, in the reader's language. */
function sessionMoment(locale: AppLocale, date: Date, timeZone: string) {
  try {
    return `${new Intl.DateTimeFormat(locale, { dateStyle: "full", timeStyle: "short", timeZone }).format(date)} (${timeZone})`;
  } catch {
    return `${new Intl.DateTimeFormat(locale, { dateStyle: "full", timeStyle: "short", timeZone: "UTC" }).format(date)} (UTC)`;
  }
}

function baseValues(context: NomineeMailContext) {
  const t = translator(context.locale);
  return {
    t,
    values: {
      nomineeName: context.nomineeName,
      role: t(`roles.${context.role}`),
      sessionTitle: pickLocalized(context.session.title, context.locale)?.text ?? "",
      startsAt: sessionMoment(context.locale, context.session.startsAt, context.session.timeZone),
    },
  };
}

function mail(context: NomineeMailContext, kind: EmailKind, values: Record<string, string>): Mail {
  const t = translator(context.locale);
  return {
    to: context.to,
    subject: t(`emails.${kind}.subject`, values),
    text: `${t(`emails.${kind}.body`, values)}\n\n${t("emails.signature")}`,
  };
}

/** The invitation: a personal RESPOND link to accept or decline (no rationale: that stays with the committee). */
export function invitationEmail(context: NomineeMailContext & { token: string; expiresAt: Date }): Mail {
  const { values } = baseValues(context);
  return mail(context, "invitation", {
    ...values,
    link: nomineeLink(context.locale, context.token),
    expiresOn: sessionMoment(context.locale, context.expiresAt, context.session.timeZone),
  });
}

/** After accepting: thanks, and the WITHDRAW link, valid until the session starts. */
export function acceptedEmail(context: NomineeMailContext & { token: string }): Mail {
  const { values } = baseValues(context);
  return mail(context, "accepted", { ...values, link: nomineeLink(context.locale, context.token) });
}

/** The slate is confirmed and the nominee is on it. */
export function selectedEmail(context: NomineeMailContext): Mail {
  const { values } = baseValues(context);
  return mail(context, "selected", { ...values, link: `${publicUrl()}/${context.locale}/sessions/${context.session.id}` });
}

/** The slate is confirmed without the nominee, who had accepted. */
export function notSelectedEmail(context: NomineeMailContext): Mail {
  const { values } = baseValues(context);
  return mail(context, "notSelected", { ...values, link: `${publicUrl()}/${context.locale}/sessions/${context.session.id}` });
}
