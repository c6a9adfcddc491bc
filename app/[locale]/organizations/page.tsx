import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Select } from "@/components/ui/select";
import { buttonClass } from "@/components/ui/button-class";
import { getCurrentActor } from "@/lib/auth/session";
import { countryFilterOptions, countryName } from "@/lib/i18n/countries";
import { directoryCountries, listPublicOrganizations } from "@/lib/organizations/queries";
import { ORGANIZATION_TYPES, parsePage, SUBREGION_VALUES } from "@/lib/organizations/schemas";
import { Link } from "@/i18n/navigation";
import { resolvePageLocale } from "@/i18n/page-locale";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const locale = await resolvePageLocale(params);
  const t = await getTranslations({ locale, namespace: "organizations.directory" });
  return { title: t("title"), description: t("lead") };
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function OrganizationsPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: SearchParams }) {
  const locale = await resolvePageLocale(params);
  const query = await searchParams;
  const t = await getTranslations("organizations");
  const tc = await getTranslations("common");
  const actor = await getCurrentActor();

  const [{ items, total, page, pageCount, filters }, countries] = await Promise.all([
    listPublicOrganizations({ country: first(query.country), subregion: first(query.subregion), type: first(query.type) }, parsePage(query.page)),
    directoryCountries(),
  ]);
  const hasFilters = !!(filters.country || filters.subregion || filters.type);

  const registerLink = actor ? (
    <Link href="/organizations/new" className={buttonClass("primary")}>
      {t("directory.register")}
    </Link>
  ) : (
    <Link href={`/sign-in?next=/${locale}/organizations/new`} className={buttonClass("secondary")}>
      {t("directory.signInToRegister")}
    </Link>
  );

  return (
    <>
      <PageHeader title={t("directory.title")} lead={t("directory.lead")} actions={registerLink} />

      <form
        method="get"
        action={`/${locale}/organizations`}
        role="search"
        aria-label={t("directory.filtersLabel")}
        className="mb-6 grid gap-4 rounded-lg border border-slate-300 bg-slate-50 p-4 sm:grid-cols-2 lg:grid-cols-4 lg:items-end"
      >
        <Select name="country" label={t("fields.country")} placeholder={tc("all")} options={countryFilterOptions(countries, locale, filters.country)} defaultValue={filters.country ?? ""} />
        <Select
          name="subregion"
          label={t("fields.subregion")}
          placeholder={tc("all")}
          options={SUBREGION_VALUES.map((s) => ({ value: s, label: tc(`subregions.${s}`) }))}
          defaultValue={filters.subregion ?? ""}
        />
        <Select
          name="type"
          label={t("fields.type")}
          placeholder={tc("all")}
          options={ORGANIZATION_TYPES.map((type) => ({ value: type, label: tc(`organizationTypes.${type}`) }))}
          defaultValue={filters.type ?? ""}
        />
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" className={buttonClass("primary")}>
            {tc("filter")}
          </button>
          {hasFilters ? <Link href="/organizations">{tc("clearFilters")}</Link> : null}
        </div>
      </form>

      <p className="mb-4 font-medium text-slate-800">
        {t("directory.results", { count: total })}
      </p>

      {items.length === 0 ? (
        <EmptyState title={t("directory.empty")}>{hasFilters ? <p>{t("directory.emptyHint")}</p> : null}</EmptyState>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2" aria-label={t("directory.listLabel")}>
          {items.map((o) => (
            <Card key={o.id} as="li" className="row">
              <h2>
                <Link href={`/organizations/${o.slug}`}>
                  {o.name}
                  {o.acronym ? <span className="font-normal text-slate-700">{` (${o.acronym})`}</span> : null}
                </Link>
              </h2>
              <dl className="facts">
                <dt>{t("fields.country")}</dt>
                <dd>{countryName(o.country, locale)}</dd>
                <dt>{t("fields.subregion")}</dt>
                <dd>{tc(`subregions.${o.subregion}`)}</dd>
                <dt>{t("fields.type")}</dt>
                <dd>{tc(`organizationTypes.${o.type}`)}</dd>
                <dt>{t("fields.languages")}</dt>
                <dd>{o.languages.map((l) => tc(`languages.${l}`)).join(", ")}</dd>
              </dl>
            </Card>
          ))}
        </ul>
      )}

      <Pagination
        page={page}
        pageCount={pageCount}
        pathname="/organizations"
        query={{ country: filters.country, subregion: filters.subregion, type: filters.type }}
      />
    </>
  );
}
