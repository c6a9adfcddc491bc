import { getTranslations } from "next-intl/server";
import { isLocale } from "@/i18n/routing";
import { atomFeed } from "@/lib/feeds/atom";
import { atomResponse, feedNotFound } from "@/lib/feeds/response";
import { publicUrl } from "@/lib/url";
import { countryName } from "@/lib/i18n/countries";
import { latestPublishedSummaries } from "@/lib/monitoring/public-queries";
import { quarterOf } from "@/lib/monitoring/public-filters";

export const dynamic = "force-dynamic";

const FEED_SIZE = 50;

/** Published summaries, newest first: only their public fields (month, never a day, for the incident). */
export async function GET(_request: Request, { params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) return feedNotFound();
  const [t, summaries] = await Promise.all([getTranslations({ locale, namespace: "monitoringPublic" }), latestPublishedSummaries(FEED_SIZE)]);
  const origin = publicUrl();
  const page = `${origin}/${locale}/monitoring`;
  const month = new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" });
  const xml = atomFeed({
    id: page,
    title: t("feedTitle"),
    subtitle: t("lead"),
    link: `${page}/feed.xml`,
    alternate: page,
    updated: summaries[0]?.publishedAt ?? new Date(0),
    language: locale,
    entries: summaries.map((s) => {
      const where = [s.region, countryName(s.country, locale)].filter(Boolean).join(", ");
      return {
        id: `${origin}/monitoring/summaries/${s.id}`,
        title: s.title,
        // The list filtered to the summary's country and quarter: a short list it is on (eight a page).
        link: `${page}?country=${s.country.toLowerCase()}&period=${quarterOf(s.month).toLowerCase()}#summary-${s.id}`,
        updated: s.publishedAt,
        published: s.publishedAt,
        summary: `${where} · ${month.format(s.month)} · ${s.categories.map((c) => t(`categories.${c}`)).join(", ")}\n\n${s.body}`,
        author: countryName(s.country, locale),
        categories: s.categories,
      };
    }),
  });
  return atomResponse(xml);
}
