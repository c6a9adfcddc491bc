import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { ProposalStatusBadge } from "@/components/proposals/status-badge";
import { buttonClass } from "@/components/ui/button-class";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { inputClass } from "@/components/ui/input-class";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Link } from "@/i18n/navigation";
import { locales } from "@/i18n/locales";
import { resolvePageLocale } from "@/i18n/page-locale";
import { canCreateProposal } from "@/lib/proposals/policy";
import { getCurrentActor } from "@/lib/auth/session";
import { GCM_OBJECTIVES } from "@/lib/gcm/objectives";
import { countryFilterOptions, countryName } from "@/lib/i18n/countries";
import { SUBREGIONS } from "@/lib/organizations/subregions";
import { sessionFilterOptions } from "@/lib/proposals/queries";
import { parseProposalFilters, proposalFiltersToQuery, publicProposalCountries, searchProposals, type ProposalFilters } from "@/lib/proposals/search";
import { PUBLIC_STATUSES } from "@/lib/proposals/visibility";
import { excerpt } from "@/components/ui/excerpt";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const ORGANIZATION_TYPES = ["REGIONAL_NETWORK", "CSO", "MIGRANT_LED", "DIASPORA", "ACADEMIA", "OTHER"] as const;
const SORTS = ["relevance", "newest", "cosponsored", "answered"] as const;
// A summary on the list is its first words; the proposal's page has it whole.
const LIST_SUMMARY_CHARACTERS = 280;

export async function generateMetadata({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: SearchParams }): Promise<Metadata> {
  const locale = await resolvePageLocale(params);
  const t = await getTranslations({ locale, namespace: "proposalList" });
  return {
    title: t("title"),
    description: t("lead"),
    alternates: { types: { "application/atom+xml": [{ url: proposalFeedPath(locale, parseProposalFilters(await searchParams)), title: t("feedTitle") }] } },
  };
}

/** The list's feed, narrowed by the same filters as the page (the order is always newest first). */
function proposalFeedPath(locale: string, filters: ProposalFilters): string {
  const kept = proposalFiltersToQuery(filters);
  delete kept.sort;
  const query = new URLSearchParams(Object.entries(kept).filter((e): e is [string, string] => !!e[1])).toString();
  return `/${locale}/proposals/feed.xml${query ? `?${query}` : ""}`;
}

function FilterSelect(props: { name: string; label: string; value?: string; all: string; options: { value: string; label: string }[] }) {
  const id = `filter-${props.name}`;
  return (
    <div>
      <label htmlFor={id}>{props.label}</label>
      <select id={id} name={props.name} defaultValue={props.value ?? ""} className={inputClass}>
        <option value="">{props.all}</option>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export default async function ProposalsPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: SearchParams }) {
  const locale = await resolvePageLocale(params);
  const filters = parseProposalFilters(await searchParams);
  const [t, tc, tg, format, actor, result, sessions, countries] = await Promise.all([
    getTranslations("proposalList"),
    getTranslations("common"),
    getTranslations("gcm"),
    getFormatter(),
    getCurrentActor(),
    searchProposals(filters),
    sessionFilterOptions(locale, filters.session),
    publicProposalCountries(),
  ]);
  const query = proposalFiltersToQuery(filters);
  const hasFilters = Object.entries(query).some(([key, value]) => key !== "sort" && value);
  const canWrite = canCreateProposal(actor);

  return (
    <>
      <PageHeader
        title={t("title")}
        lead={t("lead")}
        actions={
          <>
            {actor ? (
              canWrite ? (
                <Link href="/proposals/new" className={buttonClass("primary") + " no-underline"}>
                  {t("write")}
                </Link>
              ) : null
            ) : (
              <Link href={`/sign-in?next=/${locale}/proposals/new`} className={buttonClass("secondary") + " no-underline"}>
                {t("signInToWrite")}
              </Link>
            )}
            <Link href="/proposals/objectives" className={buttonClass("secondary") + " no-underline"}>
              {t("coverage")}
            </Link>
          </>
        }
      />

      <form method="get" action={`/${locale}/proposals`} role="search" aria-label={t("filtersLabel")} className="filters mb-6">
        <div>
          <label htmlFor="filter-q">{t("search")}</label>
          <p id="filter-q-hint" className="mb-1 text-sm text-slate-700">
            {t("searchHint")}
          </p>
          <input id="filter-q" name="q" type="search" defaultValue={filters.q ?? ""} maxLength={200} aria-describedby="filter-q-hint" className={inputClass} />
        </div>
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <FilterSelect
            name="objective"
            label={t("objective")}
            all={tc("all")}
            value={filters.objective?.toString()}
            options={GCM_OBJECTIVES.map((n) => ({ value: String(n), label: `${n}. ${tg(String(n))}` }))}
          />
          <FilterSelect name="country" label={t("country")} all={tc("all")} value={filters.country} options={countryFilterOptions(countries, locale, filters.country)} />
          <FilterSelect
            name="subregion"
            label={t("subregion")}
            all={tc("all")}
            value={filters.subregion}
            options={SUBREGIONS.map((s) => ({ value: s, label: tc(`subregions.${s}`) }))}
          />
          <FilterSelect
            name="type"
            label={t("type")}
            all={tc("all")}
            value={filters.type}
            options={ORGANIZATION_TYPES.map((type) => ({ value: type, label: tc(`organizationTypes.${type}`) }))}
          />
          <FilterSelect
            name="status"
            label={t("status")}
            all={tc("all")}
            value={filters.status}
            options={PUBLIC_STATUSES.map((s) => ({ value: s, label: tc(`proposalStatuses.${s}`) }))}
          />
          <FilterSelect
            name="language"
            label={t("language")}
            all={tc("all")}
            value={filters.language}
            options={locales.map((l) => ({ value: l, label: tc(`languages.${l}`) }))}
          />
          {sessions.length ? (
            <FilterSelect
              name="session"
              label={t("session")}
              all={tc("all")}
              value={filters.session}
              options={sessions.map((s) => ({
                value: s.id,
                label: t("sessionOption", { title: s.title, date: format.dateTime(s.startsAt, { dateStyle: "medium", timeZone: s.timeZone }) }),
              }))}
            />
          ) : null}
          <div>
            <label htmlFor="filter-sort">{t("sort")}</label>
            <select id="filter-sort" name="sort" defaultValue={filters.sort ?? ""} className={inputClass}>
              <option value="">{filters.q ? t("sorts.relevance") : t("sorts.newest")}</option>
              {SORTS.filter((s) => s !== "relevance" || filters.q).map((s) => (
                <option key={s} value={s}>
                  {t(`sorts.${s}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <fieldset>
          <legend className="font-medium text-slate-900">{t("flags")}</legend>
          <div className="mt-2 flex flex-wrap gap-x-6 gap-y-2">
            {(["children", "gender", "irregular"] as const).map((flag) => (
              <label key={flag}>
                <input type="checkbox" name={flag} value="1" defaultChecked={!!filters[flag]} className="h-4 w-4 accent-blue-800" />
                {t(flag)}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="flex flex-wrap items-center gap-4">
          <button type="submit" className={buttonClass("primary")}>
            {t("apply")}
          </button>
          {hasFilters ? <Link href="/proposals">{tc("clearFilters")}</Link> : null}
        </div>
      </form>

      <div className="mb-4 flex flex-wrap items-baseline justify-between gap-x-6 gap-y-2">
        <p className="font-medium text-slate-800" role="status">
          {t("results", { count: result.total })}
        </p>
        <a href={proposalFeedPath(locale, filters)} type="application/atom+xml">
          {t("feedLink")}
        </a>
      </div>

      {result.items.length === 0 ? (
        <EmptyState title={t("empty")}>{hasFilters ? <p>{t("emptyHint")}</p> : null}</EmptyState>
      ) : (
        <ul className="space-y-4" aria-label={t("listLabel")}>
          {result.items.map((p) => (
            <Card key={p.id} as="li" className="row">
              <h2 lang={p.language}>
                <Link href={`/proposals/${p.id}`}>{p.title}</Link>
              </h2>
              <ProposalStatusBadge status={p.status} />
              <p className="meta">
                {[
                  t("by", { organization: p.organizationName }),
                  p.submittedAt ? t("submittedOn", { date: format.dateTime(p.submittedAt, "short") }) : null,
                  p.countries.length ? p.countries.map((c) => countryName(c, locale)).join(", ") : null,
                ]
                  .filter(Boolean)
                  .join(" · ")}
              </p>
              <p lang={p.language}>{excerpt(p.summary, LIST_SUMMARY_CHARACTERS)}</p>
              {/* The objectives' names are on the proposal's page and in the filter: a name per chip here would weigh twice per row. */}
              <p className="meta tags">
                {`${t("objectivesLabel")}:`}
                {/* A plain link relative to this list (?objective=n): the shortest markup, and no prefetch per chip. */}
                {p.objectives.map((n) => (
                  <a key={n} href={`?objective=${n}`} className="chip">
                    {n}
                  </a>
                ))}
                <span className="ml-auto">{t("cosponsors", { count: p.cosponsorCount })}</span>
              </p>
            </Card>
          ))}
        </ul>
      )}

      <Pagination page={result.page} pageCount={result.pageCount} pathname="/proposals" query={query} />
    </>
  );
}
