import { getTranslations } from "next-intl/server";
import { isLocale } from "@/i18n/routing";
import { atomFeed } from "@/lib/feeds/atom";
import { atomResponse, feedNotFound } from "@/lib/feeds/response";
import { listVersions } from "@/lib/report/queries";
import { publicUrl } from "@/lib/url";

export const dynamic = "force-dynamic";

/** The report's public versions (drafts never: the same query as the versions page, as a visitor). */
export async function GET(_request: Request, { params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) return feedNotFound();
  const [t, tc, versions] = await Promise.all([getTranslations({ locale, namespace: "report" }), getTranslations({ locale, namespace: "common" }), listVersions(null)]);
  const base = publicUrl();
  const page = `${base}/${locale}/report`;
  const changedAt = (v: (typeof versions)[number]) => v.finalAt ?? v.closedAt ?? v.openedAt ?? v.updatedAt;
  const entries = versions
    .map((v) => ({
      id: `${base}/report/versions/${v.number}`,
      title: t("feedEntry", { number: v.number, title: v.title }),
      link: `${base}/${locale}/report/versions/${v.number}`,
      updated: changedAt(v),
      published: v.openedAt ?? undefined,
      summary: tc(`reportStatuses.${v.effectiveStatus}`),
      categories: [`status-${v.effectiveStatus.toLowerCase()}`],
    }))
    .sort((a, b) => b.updated.getTime() - a.updated.getTime());
  const xml = atomFeed({
    id: `${page}/feed.xml`,
    title: t("feedTitle"),
    link: `${page}/feed.xml`,
    alternate: page,
    updated: entries[0]?.updated ?? new Date(0),
    language: locale,
    entries,
  });
  return atomResponse(xml);
}
