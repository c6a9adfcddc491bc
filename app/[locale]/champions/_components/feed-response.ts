import { getTranslations } from "next-intl/server";
import type { AppLocale } from "@/i18n/routing";
import { atomFeed } from "@/lib/feeds/atom";
import { atomResponse } from "@/lib/feeds/response";
import { publicUrl } from "@/lib/url";
import { listFeedEntries } from "@/lib/champions/queries";
import { countryName } from "@/lib/i18n/countries";

const FEED_SIZE = 50;

/**
 * The Atom feed of dated updates and new initiatives, for all champion countries or one. Only
 * the government's account is in it: no assessment (hidden or not) is ever read for a feed.
 */
export async function championFeedResponse(locale: AppLocale, country?: string): Promise<Response> {
  const [t, entries] = await Promise.all([getTranslations({ locale, namespace: "champions" }), listFeedEntries({ locale, country, limit: FEED_SIZE })]);
  const origin = publicUrl();
  const pagePath = country ? `/${locale}/champions/${country.toLowerCase()}` : `/${locale}/champions`;
  const title = country ? `${t("feedTitle")} · ${countryName(country, locale)}` : t("feedTitle");
  const xml = atomFeed({
    id: `${origin}${pagePath}`,
    title,
    link: `${origin}${pagePath}/feed.xml`,
    alternate: `${origin}${pagePath}`,
    updated: entries[0]?.date ?? new Date(0),
    language: locale,
    entries: entries.map((e) => ({
      id: `${origin}/champions/${e.id.replace(":", "/")}`,
      title: `${e.kind === "update" ? t("entry.update") : t("entry.initiative")}: ${e.commitmentTitle || t("untitled")}`,
      link: `${origin}/${locale}/champions/initiatives/${e.commitmentId}`,
      updated: e.date,
      summary: e.body ?? undefined,
      author: e.country ? countryName(e.country, locale) : undefined,
    })),
  });
  return atomResponse(xml);
}
