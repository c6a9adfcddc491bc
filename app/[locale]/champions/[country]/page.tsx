import { InclusionChart } from "@/components/champions/inclusion-chart";
import { CountryMonitoring } from "@/components/monitoring-public/country-section";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { INCLUSION_RUNGS } from "@/components/champions/labels";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Link } from "@/i18n/navigation";
import { resolvePageLocale } from "@/i18n/page-locale";
import { getCurrentActor } from "@/lib/auth/session";
import { filtersToQuery, parseInitiativeFilters } from "@/lib/champions/filters";
import { getChampionCountry, inclusionCounts, isFollowing, listFeedEntries, searchInitiatives } from "@/lib/champions/queries";
import { countryName } from "@/lib/i18n/countries";
import { DoneNotice } from "../_components/done-notice";
import { InitiativeFiltersForm } from "../_components/filters-form";
import { FollowForm } from "../_components/follow-form";
import { CommitmentCards } from "../_components/initiative-list";
import { LatestUpdates } from "../_components/latest-updates";

type Props = { params: Promise<{ locale: string; country: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The URL names a country by its lower-case ISO code (mx, sv, ec, hn); anything else is not found. */
async function load(params: Props["params"]) {
  const { country } = await params;
  if (!/^[a-z]{2}$/.test(country)) return null;
  return getChampionCountry(country);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await resolvePageLocale(params);
  const champion = await load(params);
  if (!champion) return {};
  const t = await getTranslations({ locale, namespace: "champions" });
  const name = countryName(champion.country, locale);
  return {
    title: t("country.title", { country: name }),
    alternates: { types: { "application/atom+xml": [{ url: `/${locale}/champions/${champion.country.toLowerCase()}/feed.xml`, title: `${t("feedTitle")} · ${name}` }] } },
  };
}

export default async function ChampionCountryPage({ params, searchParams }: Props) {
  const locale = await resolvePageLocale(params);
  const champion = await load(params);
  if (!champion) notFound();
  const query = await searchParams;
  // The country is the page's; a country in the query would contradict it.
  const filters = { ...parseInitiativeFilters(query), country: champion.country };
  const [t, format, actor, result, counts, latest] = await Promise.all([
    getTranslations("champions"),
    getFormatter(),
    getCurrentActor(),
    searchInitiatives(filters, locale),
    inclusionCounts(champion.country),
    listFeedEntries({ locale, country: champion.country, limit: 5 }),
  ]);
  const following = await isFollowing(actor, "COUNTRY", champion.country);
  const name = countryName(champion.country, locale);
  const code = champion.country.toLowerCase();
  const day = (d: Date) => format.dateTime(d, { dateStyle: "long", timeZone: "UTC" });
  const shownFilters = filtersToQuery({ ...filters, country: undefined });

  return (
    <>
      <p className="mb-3">
        <Link href="/champions">{t("back")}</Link>
      </p>
      <PageHeader
        title={t("country.title", { country: name })}
        lead={
          champion.current
            ? champion.current.endsOn
              ? t("country.currentUntil", { since: day(champion.current.startsOn), until: day(champion.current.endsOn) })
              : t("country.current", { since: day(champion.current.startsOn) })
            : t("country.notNow")
        }
      />
      <div className="mb-6 space-y-3">
        <DoneNotice done={query.done} />
        <FollowForm actor={actor} locale={locale} subject="COUNTRY" subjectKey={code} following={following} returnPath={`/champions/${code}`} />
        {champion.terms
          .filter((term) => term.id !== champion.current?.id && term.endsOn)
          .map((term) => (
            <p key={term.id} className="text-slate-800">
              {t("country.past", { since: day(term.startsOn), until: day(term.endsOn!) })}
            </p>
          ))}
      </div>

      <section className="mb-8">
        <InclusionChart counts={counts} labels={Object.fromEntries(INCLUSION_RUNGS.map((r) => [r, t(`inclusion.${r}`)])) as Record<(typeof INCLUSION_RUNGS)[number], string>} caption={t("country.chart", { country: name })} />
      </section>

      <div className="grid gap-8 lg:grid-cols-[2fr_1fr]">
        <section aria-labelledby="initiatives-heading" className="min-w-0 space-y-4">
          <h2 id="initiatives-heading" className="text-xl font-semibold">
            {t("country.initiatives", { country: name })}
          </h2>
          <InitiativeFiltersForm locale={locale} action={`/${locale}/champions/${code}`} filters={filters} clearHref={`/champions/${code}`} />
          <p className="font-medium text-slate-800" role="status">
            {t("results", { count: result.total })}
          </p>
          <CommitmentCards items={result.items} locale={locale} hrefBase="/champions/initiatives" emptyTitle={t("noInitiatives")} />
          <Pagination page={result.page} pageCount={result.pageCount} pathname={`/champions/${code}`} query={shownFilters} />
        </section>
        <div className="min-w-0">
          <LatestUpdates entries={latest} locale={locale} feedHref={`/${locale}/champions/${code}/feed.xml`} />
        </div>
      </div>

      <div className="mt-10">
        <CountryMonitoring country={champion.country} locale={locale} />
      </div>
    </>
  );
}
