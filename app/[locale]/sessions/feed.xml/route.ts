import { getTranslations } from "next-intl/server";
import { isLocale } from "@/i18n/routing";
import { atomFeed } from "@/lib/feeds/atom";
import { atomResponse, feedNotFound } from "@/lib/feeds/response";
import { pickLocalized } from "@/lib/i18n/localized-text";
import { listFeedSessions } from "@/lib/sessions/queries";
import { publicUrl } from "@/lib/url";

export const dynamic = "force-dynamic";

/**
 * The public sessions, the latest changed first (a new session, a change of time, speakers
 * confirmed, the summary published): each change moves its entry to the top of a reader.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) return feedNotFound();
  const [t, tc, sessions] = await Promise.all([getTranslations({ locale, namespace: "sessions" }), getTranslations({ locale, namespace: "common" }), listFeedSessions()]);
  const base = publicUrl();
  const page = `${base}/${locale}/sessions`;
  const when = (date: Date, timeZone: string) =>
    new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone, timeZoneName: "short" }).format(date);
  const xml = atomFeed({
    id: `${page}/feed.xml`,
    title: t("feedTitle"),
    subtitle: t("list.lead"),
    link: `${page}/feed.xml`,
    alternate: page,
    updated: sessions[0]?.updatedAt ?? new Date(0),
    language: locale,
    entries: sessions.map((s) => ({
      id: `${base}/sessions/${s.id}`,
      title: pickLocalized(s.title, locale)?.text ?? t("feedTitle"),
      link: `${base}/${locale}/sessions/${s.id}`,
      updated: s.updatedAt,
      published: s.createdAt,
      summary: `${when(s.startsAt, s.timeZone)} · ${tc(`sessionStatuses.${s.status}`)}`,
      categories: s.objectives.map((o) => `objective-${o}`),
    })),
  });
  return atomResponse(xml);
}
