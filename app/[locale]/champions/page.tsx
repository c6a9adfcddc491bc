import { RegionMap } from "@/components/champions/region-map";
import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { INCLUSION_RUNGS } from "@/components/champions/labels";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button-class";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td } from "@/components/ui/table";
import { Link } from "@/i18n/navigation";
import { resolvePageLocale } from "@/i18n/page-locale";
import { getCurrentActor } from "@/lib/auth/session";
import { filtersToQuery, parseInitiativeFilters } from "@/lib/champions/filters";
import { hasIllustrativeData, initiativeCountries, listChampionCountries, listFeedEntries, searchInitiatives } from "@/lib/champions/queries";
import { countryName } from "@/lib/i18n/countries";
import { ChampionTools } from "./_components/champion-tools";
import { InitiativeFiltersForm } from "./_components/filters-form";
import { CommitmentCards } from "./_components/initiative-list";
import { LatestUpdates } from "./_components/latest-updates";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await resolvePageLocale(params);
  const t = await getTranslations({ locale, namespace: "champions" });
  return {
    title: t("title"),
    description: t("lead"),
    alternates: { types: { "application/atom+xml": [{ url: `/${locale}/champions/feed.xml`, title: t("feedTitle") }] } },
  };
}

export default async function ChampionsPage({ params, searchParams }: Props) {
  const locale = await resolvePageLocale(params);
  const filters = parseInitiativeFilters(await searchParams);
  const [t, format, actor, champions, result, countries, latest, illustrative] = await Promise.all([
    getTranslations("champions"),
    getFormatter(),
    getCurrentActor(),
    listChampionCountries(),
    searchInitiatives(filters, locale),
    initiativeCountries(),
    // Four: the feed linked beside them carries every update, and the page stays under 60 KB.
    listFeedEntries({ locale, limit: 4 }),
    hasIllustrativeData(),
  ]);

  return (
    <>
      <PageHeader title={t("title")} lead={t("lead")} actions={<ChampionTools actor={actor} locale={locale} />} />
      {illustrative ? (
        <div className="mb-6">
          <Alert tone="info">{t("illustrative")}</Alert>
        </div>
      ) : null}

      <section aria-labelledby="countries-heading" className="mb-10 space-y-4">
        <h2 id="countries-heading" className="text-xl font-semibold">
          {t("countriesHeading")}
        </h2>
        {/* The table below says the same: it is the map's text alternative. */}
        <RegionMap
          title={t("mapTitle")}
          description={t("mapDescription")}
          sprite={`/${locale}/champions/map.svg`}
          countries={champions.map((c) => ({
            code: c.country,
            name: countryName(c.country, locale),
            href: `/${locale}/champions/${c.country.toLowerCase()}`,
            highlighted: true,
            label: t("initiativeCount", { count: c.initiatives }),
          }))}
        />
        {champions.length ? (
          <Table caption={t("countriesTable")} head={[t("table.country"), t("table.since"), t("table.initiatives"), ...INCLUSION_RUNGS.map((r) => t(`inclusion.${r}`))]}>
            {champions.map((c) => (
              <tr key={c.country}>
                <Td>
                  <Link href={`/champions/${c.country.toLowerCase()}`}>{countryName(c.country, locale)}</Link>
                </Td>
                <Td>{format.dateTime(c.since, { dateStyle: "medium", timeZone: "UTC" })}</Td>
                <Td>{format.number(c.initiatives)}</Td>
                {INCLUSION_RUNGS.map((r) => (
                  <Td key={r}>{format.number(c.inclusion[r])}</Td>
                ))}
              </tr>
            ))}
          </Table>
        ) : (
          <p className="text-slate-800">{t("noChampions")}</p>
        )}
      </section>

      <div className="grid gap-8 lg:grid-cols-[2fr_1fr]">
        <section aria-labelledby="initiatives-heading" className="min-w-0 space-y-4">
          <h2 id="initiatives-heading" className="text-xl font-semibold">
            {t("initiativesHeading")}
          </h2>
          <InitiativeFiltersForm locale={locale} action={`/${locale}/champions`} filters={filters} countries={countries} clearHref="/champions" />
          <p className="font-medium text-slate-800" role="status">
            {t("results", { count: result.total })}
          </p>
          <CommitmentCards items={result.items} locale={locale} hrefBase="/champions/initiatives" emptyTitle={t("noInitiatives")} />
          <Pagination page={result.page} pageCount={result.pageCount} pathname="/champions" query={filtersToQuery(filters)} />
        </section>
        <div className="min-w-0">
          <LatestUpdates entries={latest} locale={locale} feedHref={`/${locale}/champions/feed.xml`} />
        </div>
      </div>
      <p className="mt-8">
        <Link href="/report/follow-up" className={buttonClass("secondary") + " no-underline"}>
          {t("followUpLink")}
        </Link>
      </p>
    </>
  );
}
