import { isLocale } from "@/i18n/routing";
import { listPublicLog } from "@/lib/audit/queries";
import { describeEntry, publicSignature } from "@/components/transparency/entries";
import { logHelpers } from "@/components/transparency/log-helpers";
import { atomFeed } from "@/lib/feeds/atom";
import { atomResponse, feedNotFound } from "@/lib/feeds/response";
import { publicUrl } from "@/lib/url";

export const dynamic = "force-dynamic";

const FEED_SIZE = 50;

/** The public log as an Atom feed: the 50 newest public entries, in the language of the URL. */
export async function GET(_request: Request, { params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) return feedNotFound();
  const { t, helpers } = await logHelpers(locale);
  const { entries } = await listPublicLog(1, FEED_SIZE);

  const origin = publicUrl();
  const pageUrl = `${origin}/${locale}/transparency`;
  const selfUrl = `${pageUrl}/feed`;
  // listPublicLog returns only public entries, and the sentences below use only their public fields.
  const items = entries.map((entry) => {
    const sentence = describeEntry(entry, helpers);
    const title =
      sentence.kind === "known"
        ? t.markup(`actions.${sentence.key}`, { ...sentence.values, org: (chunks) => chunks, session: (chunks) => chunks, report: (chunks) => chunks, item: (chunks) => chunks })
        : t("genericAction", { action: sentence.action });
    const link =
      sentence.kind === "known" && sentence.organizationSlug
        ? `${origin}/${locale}/organizations/${sentence.organizationSlug}`
        : sentence.kind === "known" && sentence.session?.id
          ? `${origin}/${locale}/sessions/${sentence.session.id}`
          : sentence.kind === "known" && sentence.link
            ? `${origin}/${locale}${sentence.link.href}`
            : `${pageUrl}#entry-${entry.id}`;
    const author = publicSignature(entry) ?? t("bySystem");
    return {
      id: `${origin}/transparency/entries/${entry.id}`,
      title,
      link,
      published: entry.createdAt,
      updated: entry.createdAt,
      author,
      categories: [entry.action],
      summary: `${title} ${t("byActor", { name: author })}`,
    };
  });

  const xml = atomFeed({
    id: pageUrl,
    title: t("feedTitle"),
    subtitle: t("feedSubtitle"),
    link: selfUrl,
    alternate: pageUrl,
    updated: entries[0]?.createdAt ?? new Date(0),
    language: locale,
    author: "Puente",
    entries: items,
  });

  return atomResponse(xml);
}
