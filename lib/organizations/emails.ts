import type { Mail } from "@/lib/mail/send";
import type { AppLocale } from "@/i18n/routing";
import { catalogueTranslator } from "@/lib/i18n/translator";
import { publicUrl } from "@/lib/url";
import type { MembershipRole } from "@/lib/generated/prisma/enums";
import type { ReviewAction } from "./policy";
import es from "@/messages/es/organizations.json";
import en from "@/messages/en/organizations.json";
import pt from "@/messages/pt/organizations.json";
import fr from "@/messages/fr/organizations.json";

// Emails are written from the same catalogues as the pages, in the recipient's language,
// outside any request (commands, scripts, tests).
const translator = catalogueTranslator({ es, en, pt, fr });

// lib/nominations/emails.ts still imports the address from here; the one copy is lib/url.ts.

const STATUS_EMAIL: Record<ReviewAction, "verified" | "rejected" | "suspended" | "reinstated"> = {
  verify: "verified",
  reject: "rejected",
  suspend: "suspended",
  reinstate: "reinstated",
};

/** To an admin of the organization: its status changed. The reason is private to them. */
export function statusChangeEmail(options: {
  to: string;
  locale: AppLocale;
  action: ReviewAction;
  organizationName: string;
  organizationSlug: string;
  reason?: string | null;
}): Mail {
  const t = translator(options.locale);
  const kind = STATUS_EMAIL[options.action];
  const values = {
    organizationName: options.organizationName,
    reason: options.reason ?? "",
    link: `${publicUrl()}/${options.locale}/organizations/${options.organizationSlug}`,
  };
  return {
    to: options.to,
    subject: t(`emails.${kind}.subject`, values),
    text: `${t(`emails.${kind}.body`, values)}\n\n${t("emails.signature")}`,
  };
}

/** To the invited address: a personal, single-use link. */
export function invitationEmail(options: {
  to: string;
  locale: AppLocale;
  token: string;
  inviterName: string;
  organizationName: string;
  role: MembershipRole;
  expiresAt: Date;
}): Mail {
  const t = translator(options.locale);
  const values = {
    inviterName: options.inviterName,
    organizationName: options.organizationName,
    role: t(`roleInSentence.${options.role}`),
    link: `${publicUrl()}/${options.locale}/invitations/${options.token}`,
    expiresOn: new Intl.DateTimeFormat(options.locale, { dateStyle: "long", timeZone: "UTC" }).format(options.expiresAt),
  };
  return {
    to: options.to,
    subject: t("emails.invitation.subject", values),
    text: `${t("emails.invitation.body", values)}\n\n${t("emails.signature")}`,
  };
}
