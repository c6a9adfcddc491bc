import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { ReportStatusBadge } from "@/components/report/status-badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { Link } from "@/i18n/navigation";
import { resolvePageLocale } from "@/i18n/page-locale";
import { getCurrentActor } from "@/lib/auth/session";
import { COMMENT_DISPOSITIONS } from "@/lib/report/schemas";
import { comparePreviousHref } from "@/lib/report/policy";
import { listVersions } from "@/lib/report/queries";
import { formatSessionDay } from "@/lib/sessions/time";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const locale = await resolvePageLocale(params);
  const t = await getTranslations({ locale, namespace: "report" });
  return { title: t("versions.title") };
}

/** Every version the reader may see, newest first, with how its comments were answered. */
export default async function VersionsPage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = await resolvePageLocale(params);
  const actor = await getCurrentActor();
  const [t, tc, format, versions] = await Promise.all([getTranslations("report"), getTranslations("common"), getFormatter(), listVersions(actor)]);

  return (
    <>
      <PageHeader title={t("versions.title")} lead={t("versions.lead")} />
      <p className="report-actions mb-6">
        <Link href="/report">{t("versions.current")}</Link>
        {versions.length > 1 ? (
          <>
            {" · "}
            <Link href="/report/compare">{t("versions.compare")}</Link>
          </>
        ) : null}
      </p>
      {versions.length === 0 ? (
        <EmptyState title={t("versions.empty")} />
      ) : (
        <Table
          caption={t("versions.caption")}
          head={[
            t("versions.columns.version"),
            t("versions.columns.state"),
            t("versions.columns.deadline"),
            t("versions.columns.comments"),
            ...COMMENT_DISPOSITIONS.map((d) => tc(`commentDispositions.${d}`)),
            t("versions.columns.waiting"),
          ]}
        >
          {versions.map((v) => {
            const compare = v.status === "DRAFT" ? null : comparePreviousHref(v);
            return (
              <tr key={v.id} className={v.effectiveStatus === "CLOSED" && v.counts.waiting > 0 ? "bg-amber-50" : undefined}>
                <Td className="min-w-64 px-4 py-2 align-top text-slate-900">
                  <Link href={`/report/versions/${v.number}`} className="font-medium">
                    {t("versions.versionLink", { number: v.number })}
                  </Link>
                  <span className="block text-sm text-slate-800" lang={v.language}>
                    {v.title}
                  </span>
                  {compare ? (
                    <Link href={compare} className="text-sm">
                      {t("versions.whatChanged", { number: v.number })}
                    </Link>
                  ) : null}
                </Td>
                <Td>
                  <ReportStatusBadge status={v.effectiveStatus} />
                </Td>
                <Td className="whitespace-nowrap px-4 py-2 align-top text-slate-900">
                  {v.commentDeadline ? <time dateTime={v.commentDeadline.toISOString()}>{formatSessionDay(v.commentDeadline, v.timeZone, locale)}</time> : "—"}
                </Td>
                <Td>{format.number(v.counts.total)}</Td>
                {COMMENT_DISPOSITIONS.map((d) => (
                  <Td key={d}>{format.number(v.counts[d])}</Td>
                ))}
                <Td className={v.counts.waiting > 0 ? "px-4 py-2 align-top font-semibold text-amber-950" : undefined}>{format.number(v.counts.waiting)}</Td>
              </tr>
            );
          })}
        </Table>
      )}
    </>
  );
}
