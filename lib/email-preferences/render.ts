import type { AppLocale } from "@/i18n/routing";
import type { EmailCategory } from "@/lib/generated/prisma/enums";
import { catalogueTranslator } from "@/lib/i18n/translator";
import type { Mail } from "@/lib/mail/send";
import { describeNotification } from "@/lib/notifications/kinds";
import { publicUrl } from "@/lib/url";
import esEmail from "@/messages/es/emailPreferences.json";
import enEmail from "@/messages/en/emailPreferences.json";
import ptEmail from "@/messages/pt/emailPreferences.json";
import frEmail from "@/messages/fr/emailPreferences.json";
import esNotifications from "@/messages/es/notifications.json";
import enNotifications from "@/messages/en/notifications.json";
import ptNotifications from "@/messages/pt/notifications.json";
import frNotifications from "@/messages/fr/notifications.json";
import { unsubscribeToken } from "./token";

const emailText = catalogueTranslator({ es: esEmail, en: enEmail, pt: ptEmail, fr: frEmail });
const notificationText = catalogueTranslator({ es: esNotifications, en: enNotifications, pt: ptNotifications, fr: frNotifications });

export type Recipient = { userId: string; email: string; locale: AppLocale };
export type EmailedNotification = { id: string; kind: string; data: unknown; createdAt: Date };

const plain = (chunks: string) => chunks;

/** A notification as one plain line and the page it links to (the same sentence as in the app). */
function line(locale: AppLocale, n: EmailedNotification): { text: string; href: string } {
  const sentence = describeNotification(n.kind, n.data);
  const t = notificationText(locale);
  if (sentence.kind === "known") {
    // The key comes from kinds.ts, which the catalogue test keeps in step with the catalogues.
    const markup = t.markup as (key: string, values: Record<string, string | ((chunks: string) => string)>) => string;
    return { text: markup(`kinds.${sentence.key}`, { ...sentence.values, link: plain }), href: sentence.href };
  }
  if (sentence.proposalId) return { text: t.markup("genericProposal", { link: plain }), href: `/proposals/${sentence.proposalId}` };
  return { text: t("generic"), href: "/dashboard/notifications" };
}

/** The headers and footer every notice carries: one-click unsubscribe from this category (RFC 8058). */
function unsubscribeParts(to: Recipient, category: EmailCategory) {
  const t = emailText(to.locale);
  const token = unsubscribeToken(to.userId, category);
  const categoryName = t(`categories.${category}`);
  const headers = {
    "List-Unsubscribe": `<${publicUrl()}/api/unsubscribe/${token}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  };
  const footer = [
    t("email.footer", { preferences: `${publicUrl()}/${to.locale}/account/notifications` }),
    t("email.unsubscribe", { category: categoryName, link: `${publicUrl()}/${to.locale}/unsubscribe/${token}` }),
  ].join("\n");
  return { headers, footer, categoryName };
}

/** One notification, for a person who chose "immediately": its sentence and its link. */
export function immediateEmail(to: Recipient, category: EmailCategory, n: EmailedNotification): Mail {
  const t = emailText(to.locale);
  const { headers, footer, categoryName } = unsubscribeParts(to, category);
  const { text, href } = line(to.locale, n);
  const body = [text, "", t("email.open"), `${publicUrl()}/${to.locale}${href}`, "", "--", footer].join("\n");
  return { to: to.email, subject: t("email.immediateSubject", { category: categoryName }), text: body, headers };
}

/**
 * A digest of one category: grouped by item (the page each notification links to), the item
 * with the latest news first, each item with its latest sentence and how many earlier ones it
 * stands for. `notifications` may come in any order.
 */
export function digestEmail(to: Recipient, category: EmailCategory, cadence: "DAILY" | "WEEKLY", notifications: readonly EmailedNotification[]): Mail {
  const t = emailText(to.locale);
  const { headers, footer, categoryName } = unsubscribeParts(to, category);
  const groups = new Map<string, { latest: { text: string; at: Date }; count: number }>();
  for (const n of notifications) {
    const { text, href } = line(to.locale, n);
    const group = groups.get(href);
    if (!group) groups.set(href, { latest: { text, at: n.createdAt }, count: 1 });
    else {
      group.count++;
      if (n.createdAt > group.latest.at) group.latest = { text, at: n.createdAt };
    }
  }
  const items = [...groups.entries()].sort(([, a], [, b]) => b.latest.at.getTime() - a.latest.at.getTime());
  const blocks = items.map(([href, g]) =>
    [`• ${g.latest.text}`, ...(g.count > 1 ? [`  (${t("email.earlier", { count: g.count - 1 })})`] : []), `  ${publicUrl()}/${to.locale}${href}`].join("\n"),
  );
  const body = [t("email.digestIntro", { count: items.length }), "", blocks.join("\n\n"), "", "--", footer].join("\n");
  return { to: to.email, subject: t("email.digestSubject", { cadence, category: categoryName }), text: body, headers };
}
