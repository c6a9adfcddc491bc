import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { MonitoringFigures } from "@/components/monitoring-public/figures";
import { MonitoringFiltersForm, SummaryList } from "@/components/monitoring-public/summaries";
import { buttonClass } from "@/components/ui/button-class";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Link } from "@/i18n/navigation";
import { resolvePageLocale } from "@/i18n/page-locale";
import { monitoringFiltersToQuery, parseMonitoringFilters } from "@/lib/monitoring/public-filters";
import { listPublishedSummaries, publicAggregates } from "@/lib/monitoring/public-queries";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await resolvePageLocale(params);
  const t = await getTranslations({ locale, namespace: "monitoringPublic" });
  return {
    title: t("title"),
    description: t("lead"),
    alternates: { types: { "application/atom+xml": [{ url: `/${locale}/monitoring/feed.xml`, title: t("feedTitle") }] } },
  };
}

/** The public face of monitoring: how to report, the published summaries and the suppressed figures. */
export default async function MonitoringPage({ params, searchParams }: Props) {
  const locale = await resolvePageLocale(params);
  const filters = parseMonitoringFilters(await searchParams);
  const [t, result, figures] = await Promise.all([getTranslations("monitoringPublic"), listPublishedSummaries(filters), publicAggregates()]);

  return (
    <>
      <PageHeader title={t("title")} lead={t("lead")} />

      <section aria-labelledby="report-heading" className="mb-10 rounded-lg border-2 border-blue-800 bg-blue-50 p-5">
        <h2 id="report-heading" className="text-xl font-semibold text-slate-950">
          {t("report.heading")}
        </h2>
        <p className="mt-2 max-w-3xl text-slate-900">{t("report.body")}</p>
        <div className="mt-4 flex flex-wrap items-center gap-4">
          <Link href="/monitoring/report" className={buttonClass("primary") + " no-underline"}>
            {t("report.cta")}
          </Link>
          <Link href="/monitoring/receipt" className="font-medium">
            {t("report.receipt")}
          </Link>
        </div>
      </section>

      <p className="mb-8 flex flex-wrap gap-x-6 gap-y-2">
        <Link href="/monitoring/methodology">{t("methodologyLink")}</Link>
        <a href={`/${locale}/monitoring/feed.xml`} type="application/atom+xml">
          {t("feedLink")}
        </a>
      </p>

      <section aria-labelledby="summaries-heading" className="mb-10 min-w-0 space-y-4">
        <h2 id="summaries-heading" className="text-xl font-semibold">
          {t("summaries.heading")}
        </h2>
        <MonitoringFiltersForm locale={locale} filters={filters} countries={figures.countries} quarters={figures.quarters} />
        <p className="font-medium text-slate-800" role="status">
          {t("summaries.results", { count: result.total })}
        </p>
        <SummaryList items={result.items} locale={locale} />
        <Pagination page={result.page} pageCount={result.pageCount} pathname="/monitoring" query={monitoringFiltersToQuery(filters)} />
      </section>

      <section aria-labelledby="figures-heading" className="min-w-0 space-y-4">
        <h2 id="figures-heading" className="text-xl font-semibold">
          {t("aggregates.heading")}
        </h2>
        <p className="max-w-3xl text-slate-800">{t("aggregates.lead")}</p>
        <MonitoringFigures data={figures} locale={locale} />
      </section>
    </>
  );
}
