import { isTermActive } from "@/lib/auth/actor";
import type { Tx } from "@/lib/commands/run";
import { catalogueTranslator } from "@/lib/i18n/translator";
import type { Mail } from "@/lib/mail/send";
import { publicUrl } from "@/lib/url";
import es from "@/messages/es/monitoringReview.json";
import en from "@/messages/en/monitoringReview.json";
import pt from "@/messages/pt/monitoringReview.json";
import fr from "@/messages/fr/monitoringReview.json";

const translator = catalogueTranslator({ es, en, pt, fr });

export type ReviewerNoticeKind = "newReport" | "reporterAnswer" | "assigned";

/**
 * Emails to reviewers say only that something waits in the queue, with the queue's link: never a
 * country, a category, an id or a word of the report (mail leaves our hands). A command hands
 * them to `mail()`, so they go out after the commit. Without `userIds`, to every reviewer.
 */
export async function reviewerNotice(tx: Tx, kind: ReviewerNoticeKind, userIds?: readonly string[]): Promise<Mail[]> {
  const holders = await tx.user.findMany({
    where: { roles: { some: { role: "MONITORING_REVIEWER" } }, ...(userIds ? { id: { in: [...userIds] } } : {}) },
    select: {
      email: true,
      preferredLocale: true,
      roles: { select: { role: true } },
      committeeTerms: { select: { startsOn: true, endsOn: true, endedEarlyAt: true } },
    },
  });
  // The people canReviewMonitoring admits: the role, and still staff or on the committee. A
  // holder whose term lapsed is not told of reports they may no longer open.
  const reviewers = holders.filter((u) => u.roles.some((r) => r.role === "STAFF" || r.role === "ADMIN") || u.committeeTerms.some((term) => isTermActive(term)));
  return reviewers.map(({ email, preferredLocale }) => {
    const t = translator(preferredLocale);
    const link = `${publicUrl()}/${preferredLocale}/dashboard/monitoring`;
    return { to: email, subject: t(`emails.${kind}.subject`), text: `${t(`emails.${kind}.body`, { link })}\n\n${t("emails.signature")}` };
  });
}
