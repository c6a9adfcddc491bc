import { getTranslations } from "next-intl/server";
import { isLocale } from "@/i18n/routing";
import { atomFeed } from "@/lib/feeds/atom";
import { atomResponse, feedNotFound } from "@/lib/feeds/response";
import { countryName } from "@/lib/i18n/countries";
import { parseProposalFilters, proposalFiltersToQuery, searchProposals } from "@/lib/proposals/search";
import { publicUrl } from "@/lib/url";

export const dynamic = "force-dynamic";

const FEED_SIZE = 50;

/**
 * The newest public proposals, filtered as the list is (`?objective=7&country=MX`, and any other
 * filter of the list page): the same query as the page, so the feed shows nothing it does not.
 */
export async function GET(request: Request, { params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) return feedNotFound();
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const filters = { ...parseProposalFilters(query), sort: "newest" as const, page: 1 };
  const [t, tc, { items }] = await Promise.all([
    getTranslations({ locale, namespace: "proposalList" }),
    getTranslations({ locale, namespace: "common" }),
    searchProposals(filters, FEED_SIZE),
  ]);
  const base = publicUrl();
  const page = `${base}/${locale}/proposals`;
  const keptFilters = proposalFiltersToQuery(filters);
  delete keptFilters.sort;
  const kept = new URLSearchParams(Object.entries(keptFilters).filter((e): e is [string, string] => !!e[1])).toString();
  const narrowed = [
    filters.objective ? t("feedObjective", { number: filters.objective }) : null,
    filters.country ? countryName(filters.country, locale) : null,
  ].filter(Boolean);
  const updatedOf = (p: (typeof items)[number]) => p.answeredAt ?? p.submittedAt ?? new Date(0);
  const xml = atomFeed({
    id: `${page}/feed.xml${kept ? `?${kept}` : ""}`,
    title: narrowed.length ? `${t("feedTitle")} · ${narrowed.join(" · ")}` : t("feedTitle"),
    subtitle: t("lead"),
    link: `${page}/feed.xml${kept ? `?${kept}` : ""}`,
    alternate: `${page}${kept ? `?${kept}` : ""}`,
    updated: items.reduce((latest, p) => (updatedOf(p) > latest ? updatedOf(p) : latest), new Date(0)),
    language: locale,
    entries: items.map((p) => ({
      id: `${base}/proposals/${p.id}`,
      title: p.title,
      link: `${base}/${locale}/proposals/${p.id}`,
      updated: updatedOf(p),
      published: p.submittedAt ?? undefined,
      summary: `${tc(`proposalStatuses.${p.status}`)} · ${p.countries.map((c) => countryName(c, locale)).join(", ")}\n\n${p.summary}`,
      author: p.organizationName,
      categories: [...p.objectives.map((o) => `objective-${o}`), ...p.countries.map((c) => `country-${c}`)],
    })),
  });
  return atomResponse(xml);
}
