import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button-class";
import { inputClass } from "@/components/ui/input-class";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Link } from "@/i18n/navigation";
import { resolvePageLocale } from "@/i18n/page-locale";
import { getCurrentActor } from "@/lib/auth/session";
import { filtersToQuery, parseRecommendationFilters } from "@/lib/champions/filters";
import { canManageChampions } from "@/lib/champions/policy";
import { COMMITMENT_STATUS_ORDER, hasIllustrativeData, listRecommendations, recommendationSources } from "@/lib/champions/queries";
import { Alert } from "@/components/ui/alert";
import { ADDRESSEES } from "@/lib/champions/schemas";
import { CommitmentCards } from "../../champions/_components/initiative-list";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await resolvePageLocale(params);
  const t = await getTranslations({ locale, namespace: "champions.followUp" });
  return { title: t("title"), description: t("lead") };
}

export default async function FollowUpPage({ params, searchParams }: Props) {
  const locale = await resolvePageLocale(params);
  const filters = parseRecommendationFilters(await searchParams);
  const format = await getFormatter();
  const [t, tc, actor, result, illustrative, sources] = await Promise.all([
    getTranslations("champions"),
    getTranslations("common"),
    getCurrentActor(),
    listRecommendations(filters, locale),
    hasIllustrativeData(),
    recommendationSources(),
  ]);
  const selects = [
    { name: "addressee", label: t("followUp.addressee"), value: filters.addressee, options: ADDRESSEES.map((a) => ({ value: a, label: t(`addressees.${a}`) })) },
    { name: "status", label: t("filters.status"), value: filters.status, options: COMMITMENT_STATUS_ORDER.map((s) => ({ value: s, label: t(`statuses.${s}`) })) },
  ];
  return (
    <>
      <PageHeader
        title={t("followUp.title")}
        lead={t("followUp.lead")}
        actions={
          canManageChampions(actor) ? (
            <Link href="/report/follow-up/mark" className={buttonClass("secondary") + " no-underline"}>
              {t("followUp.mark")}
            </Link>
          ) : null
        }
      />
      {sources.length ? (
        <ul className="mb-6 space-y-1 text-slate-900">
          {sources.map((source) => (
            <li key={source.number}>
              {t("followUp.from")}{" "}
              <Link href={`/report/versions/${source.number}`} lang={source.language}>
                {source.title}
              </Link>
              {source.finalAt ? ` (${t("followUp.fromVersion", { number: source.number, date: format.dateTime(source.finalAt, { dateStyle: "long" }) })})` : null}
            </li>
          ))}
        </ul>
      ) : null}
      {illustrative ? (
        <div className="mb-6">
          <Alert tone="info">{t("followUp.illustrative")}</Alert>
        </div>
      ) : null}
      <form method="get" action={`/${locale}/report/follow-up`} role="search" aria-label={t("followUp.filtersLabel")} className="mb-6 space-y-4 rounded-lg border border-slate-300 bg-white p-4">
        <div className="grid gap-4 sm:grid-cols-2">
          {selects.map((s) => (
            <div key={s.name} className="min-w-0 space-y-1">
              <label htmlFor={`filter-${s.name}`} className="block font-medium text-slate-900">
                {s.label}
              </label>
              <select id={`filter-${s.name}`} name={s.name} defaultValue={s.value ?? ""} className={inputClass}>
                <option value="">{tc("all")}</option>
                {s.options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            </div>
          ))}
        </div>
        <div className="flex flex-wrap items-center gap-4">
          <button type="submit" className={buttonClass("primary")}>
            {t("filters.apply")}
          </button>
          {filters.addressee || filters.status ? <Link href="/report/follow-up">{tc("clearFilters")}</Link> : null}
        </div>
      </form>
      <p className="mb-4 font-medium text-slate-800" role="status">
        {t("followUp.results", { count: result.total })}
      </p>
      <CommitmentCards items={result.items} locale={locale} hrefBase="/report/follow-up" emptyTitle={t("followUp.empty")} />
      <Pagination page={result.page} pageCount={result.pageCount} pathname="/report/follow-up" query={filtersToQuery(filters)} />
    </>
  );
}
