import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td } from "@/components/ui/table";
import { resolvePageLocale } from "@/i18n/page-locale";
import { requireSignedIn } from "@/lib/auth/guards";
import { listAccessLog } from "@/lib/monitoring/review-queries";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await resolvePageLocale(params);
  const t = await getTranslations({ locale, namespace: "monitoringReview.accessLog" });
  return { title: t("title"), robots: { index: false } };
}

/** Who opened which case and when: the committee chair and admins watch the watchers. */
export default async function AccessLogPage({ params, searchParams }: Props) {
  const locale = await resolvePageLocale(params);
  const actor = await requireSignedIn(locale, "/dashboard/monitoring/access-log");
  const page = Number((await searchParams).page ?? "1");
  const log = await listAccessLog(actor, page);
  if (!log) notFound();
  const [t, format] = await Promise.all([getTranslations("monitoringReview"), getFormatter()]);
  return (
    <>
      <PageHeader title={t("accessLog.title")} lead={t("accessLog.lead")} />
      {log.rows.length === 0 ? (
        <EmptyState title={t("accessLog.empty")} />
      ) : (
        <Table caption={t("accessLog.caption")} head={[t("accessLog.when"), t("accessLog.who"), t("accessLog.case")]}>
          {log.rows.map((row) => (
            <tr key={row.id}>
              <Td>{format.dateTime(row.createdAt, "long")}</Td>
              <Td>{row.user?.name ?? t("history.deleted")}</Td>
              <Td>
                <code>{row.reportId.slice(0, 8)}</code>
              </Td>
            </tr>
          ))}
        </Table>
      )}
      <Pagination page={log.page} pageCount={log.pageCount} pathname="/dashboard/monitoring/access-log" query={{}} />
    </>
  );
}
