import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { Link } from "@/i18n/navigation";
import { resolvePageLocale } from "@/i18n/page-locale";
import { MONITORING_LIMITS, MONITORING_STATUSES } from "@/lib/monitoring/schemas";
import { ReceiptDesk, type ReceiptLabels } from "../_components/receipt-desk";
import { receiptAction } from "./actions";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await resolvePageLocale(params);
  const t = await getTranslations({ locale, namespace: "monitoring.receipt" });
  return { title: t("title"), robots: { index: false } };
}

/** The person holding a receipt code follows their case: the code is posted, never put in a URL. */
export default async function MonitoringReceiptPage({ params }: Props) {
  const locale = await resolvePageLocale(params);
  const t = await getTranslations("monitoring");
  const labels: ReceiptLabels = {
    code: t("receipt.code"),
    codeHint: t("receipt.codeHint"),
    open: t("receipt.open"),
    working: t("receipt.working"),
    statusTitle: t("receipt.statusTitle"),
    statuses: Object.fromEntries(MONITORING_STATUSES.map((s) => [s, t(`statuses.${s}`)])) as ReceiptLabels["statuses"],
    filedOn: t("receipt.filedOn", { date: "{date}" }),
    closed: t("receipt.closed"),
    messagesTitle: t("receipt.messagesTitle"),
    noMessages: t("receipt.noMessages"),
    fromReviewers: t("receipt.fromReviewers"),
    fromYou: t("receipt.fromYou"),
    new: t("receipt.new"),
    reply: t("receipt.reply"),
    replyHint: t("receipt.replyHint"),
    send: t("receipt.send"),
    sending: t("receipt.sending"),
    replied: t("receipt.replied"),
    closedNoReply: t("receipt.closedNoReply"),
    contactTitle: t("receipt.contactTitle"),
    contact: { given: t("receipt.contactGiven"), erased: t("receipt.contactErased"), none: t("receipt.contactNone") },
    eraseHint: t("receipt.eraseHint"),
    erase: t("receipt.erase"),
    erased: t("receipt.erased"),
    keepCode: t("receipt.keepCode"),
    leave: t("receipt.leave"),
    leaveHref: `/${locale}/monitoring/receipt`,
    formLabel: t("receipt.title"),
  };
  return (
    <>
      <PageHeader title={t("receipt.title")} lead={t("receipt.lead")} />
      <div className="space-y-6">
        <ReceiptDesk action={receiptAction} labels={labels} locale={locale} maxMessage={MONITORING_LIMITS.message} />
        <p className="flex flex-wrap gap-4">
          <Link href="/monitoring">{t("about")}</Link>
          <Link href="/monitoring/report">{t("report.title")}</Link>
        </p>
      </div>
    </>
  );
}
