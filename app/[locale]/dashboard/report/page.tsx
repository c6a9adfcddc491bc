import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { DraftPanel, NewVersionForm, TranslationForm, VersionActions } from "./_components/desk";
import { ReportStatusBadge } from "@/components/report/status-badge";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { Link } from "@/i18n/navigation";
import { resolvePageLocale } from "@/i18n/page-locale";
import { requireStaff } from "@/lib/auth/guards";
import { getReportDesk } from "@/lib/report/queries";
import type { ReportDeskDone } from "./actions";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const DONE: readonly ReportDeskDone[] = ["created", "updated", "opened", "closed", "final", "translated"];

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await resolvePageLocale(params);
  const t = await getTranslations({ locale, namespace: "reportDesk" });
  return { title: t("title"), robots: { index: false } };
}

/**
 * Staff: the report's versions — write the next one, edit the draft, open it for comment until
 * a deadline, close it, publish the final report, attach translations. Closed versions with
 * comments still waiting for an answer come first.
 */
export default async function ReportDeskPage({ params, searchParams }: Props) {
  const locale = await resolvePageLocale(params);
  const actor = await requireStaff(locale, "/dashboard/report");
  const data = await getReportDesk(actor);
  if (!data) notFound();
  const query = await searchParams;
  const [t, format] = await Promise.all([getTranslations("reportDesk"), getFormatter()]);
  const notice = typeof query.done === "string" && (DONE as readonly string[]).includes(query.done) ? (query.done as ReportDeskDone) : null;
  const noticeNumber = typeof query.version === "string" && /^\d{1,7}$/.test(query.version) ? Number(query.version) : 0;
  const published = data.versions.filter((v) => v.status !== "DRAFT" && v.status !== "SUPERSEDED");

  return (
    <div className="space-y-8">
      <PageHeader title={t("title")} lead={t("lead")} actions={<Link href="/report/versions">{t("publicPages")}</Link>} />

      {notice ? (
        <Alert tone="success" live>
          {t(`done.${notice}`, { number: noticeNumber })}
        </Alert>
      ) : null}

      {data.needsAnswers.length > 0 ? (
        <section aria-labelledby="waiting-heading" className="rounded-lg border-l-4 border-amber-700 bg-amber-50 p-4 text-amber-950">
          <h2 id="waiting-heading" className="font-semibold">
            {t("waiting.heading")}
          </h2>
          <ul className="mt-2 list-disc space-y-1 pl-6">
            {data.needsAnswers.map((v) => (
              <li key={v.id}>
                <Link href={`/report/versions/${v.number}`}>{t("waiting.item", { number: v.number, waiting: v.counts.waiting })}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="versions-heading" className="space-y-3">
        <h2 id="versions-heading" className="text-xl font-semibold text-slate-950">
          {t("list.heading")}
        </h2>
        {data.versions.length === 0 ? (
          <EmptyState title={t("list.empty")} />
        ) : (
          <Table caption={t("list.heading")} head={[t("list.columns.version"), t("list.columns.state"), t("list.columns.comments"), t("list.columns.waiting")]}>
            {data.versions.map((v) => (
              <tr key={v.id} className={v.effectiveStatus === "CLOSED" && v.counts.waiting > 0 ? "bg-amber-50" : undefined}>
                <Td className="min-w-64 px-4 py-2 align-top text-slate-900">
                  <Link href={`/report/versions/${v.number}`} className="font-medium">
                    {t("version.heading", { number: v.number })}
                  </Link>
                  <span className="block text-sm text-slate-800" lang={v.language}>
                    {v.title}
                  </span>
                </Td>
                <Td>
                  <ReportStatusBadge status={v.effectiveStatus} />
                </Td>
                <Td>{format.number(v.counts.total)}</Td>
                <Td className={v.counts.waiting > 0 ? "px-4 py-2 align-top font-semibold text-amber-950" : undefined}>{format.number(v.counts.waiting)}</Td>
              </tr>
            ))}
          </Table>
        )}
      </section>

      {data.draft ? <DraftPanel locale={locale} draft={data.draft} /> : <NewVersionForm locale={locale} latest={data.versions[0] ?? null} />}

      {published.map((v) => (
        <VersionActions key={v.id} locale={locale} version={v} />
      ))}

      <TranslationForm locale={locale} versions={data.versions} />
    </div>
  );
}
