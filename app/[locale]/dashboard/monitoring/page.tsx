import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { resolvePageLocale } from "@/i18n/page-locale";
import { Link } from "@/i18n/navigation";
import { requireSignedIn } from "@/lib/auth/guards";
import { countryName } from "@/lib/i18n/countries";
import { canReadAccessLog, canReviewMonitoring } from "@/lib/monitoring/policy";
import { listQueue, QUEUE_FILTERS, type QueueFilter } from "@/lib/monitoring/review-queries";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await resolvePageLocale(params);
  const t = await getTranslations({ locale, namespace: "monitoringReview" });
  return { title: t("title"), robots: { index: false } };
}

/** The reviewers' queue: what each case is about in outline, never its sealed content. */
export default async function MonitoringQueuePage({ params, searchParams }: Props) {
  const locale = await resolvePageLocale(params);
  const actor = await requireSignedIn(locale, "/dashboard/monitoring");
  if (!canReviewMonitoring(actor)) notFound();
  const requested = (await searchParams).show;
  const filter: QueueFilter = QUEUE_FILTERS.find((f) => f === requested) ?? "open";
  const [t, format, rows] = await Promise.all([getTranslations("monitoringReview"), getFormatter(), listQueue(actor, filter)]);
  const day = (d: Date) => format.dateTime(d, "short");
  return (
    <>
      <PageHeader title={t("title")} lead={t("queue.lead")} />
      <nav aria-label={t("queue.filterLabel")} className="mb-6 flex flex-wrap items-center gap-4">
        <span className="font-medium text-slate-900">{t("queue.filterLabel")}:</span>
        {QUEUE_FILTERS.map((f) => (
          <Link key={f} href={`/dashboard/monitoring?show=${f}`} aria-current={f === filter ? "page" : undefined} className={f === filter ? "font-semibold underline" : "underline"}>
            {t(`queue.filters.${f}`)}
          </Link>
        ))}
        {canReadAccessLog(actor) ? (
          <Link href="/dashboard/monitoring/access-log" className="ml-auto underline">
            {t("queue.accessLog")}
          </Link>
        ) : null}
      </nav>
      {rows.length === 0 ? (
        <EmptyState title={t("queue.empty")} />
      ) : (
        <Table caption={t("queue.caption")} head={[t("queue.received"), t("queue.country"), t("queue.categories"), t("queue.status"), t("queue.assignee"), t("queue.marks"), ""]}>
          {rows.map((row) => (
            <tr key={row.id}>
              <Td>{day(row.createdAt)}</Td>
              <Td>{countryName(row.country, locale)}</Td>
              <Td>{row.categories.map((c) => t(`categoryNames.${c}`)).join(", ")}</Td>
              <Td>
                <Badge tone={row.status === "RECEIVED" ? "info" : "neutral"}>{t(`statuses.${row.status}`)}</Badge>
              </Td>
              <Td>{row.assigneeName ?? t("queue.unassigned")}</Td>
              <Td>
                <ul className="space-y-1">
                  {row.possibleSpam ? (
                    <li>
                      <Badge tone="warning">{t("queue.possibleSpam")}</Badge>
                    </li>
                  ) : null}
                  {row.unreadFromReporter > 0 ? (
                    <li>
                      <Badge tone="success">{t("queue.unread", { count: row.unreadFromReporter })}</Badge>
                    </li>
                  ) : null}
                  {row.lockedByName ? <li className="text-sm text-slate-700">{t("queue.lockedBy", { name: row.lockedByName })}</li> : null}
                </ul>
              </Td>
              <Td>
                <Link href={`/dashboard/monitoring/${row.id}`} className="underline">
                  {t("queue.open")}
                  <span className="sr-only"> {t("queue.openFor", { date: day(row.createdAt) })}</span>
                </Link>
              </Td>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}
