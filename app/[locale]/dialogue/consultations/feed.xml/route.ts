import { getTranslations } from "next-intl/server";
import { isLocale } from "@/i18n/routing";
import { listConsultationFeedEntries } from "@/lib/consultations/feed-queries";
import { atomFeed } from "@/lib/feeds/atom";
import { atomResponse, feedNotFound } from "@/lib/feeds/response";
import { pickLocalized } from "@/lib/i18n/localized-text";
import { publicUrl } from "@/lib/url";

export const dynamic = "force-dynamic";

const FEED_SIZE = 50;

/** Consultations opened, the owners' information updates and published syntheses, newest first; never a draft. */
export async function GET(_request: Request, { params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) return feedNotFound();
  const [t, entries] = await Promise.all([getTranslations({ locale, namespace: "dialogueFeeds" }), listConsultationFeedEntries(FEED_SIZE)]);
  const origin = publicUrl();
  const page = `${origin}/${locale}/dialogue/consultations`;
  const anchor = { opened: "", update: "#updates", synthesis: "#synthesis" } as const;
  const xml = atomFeed({
    id: `${page}/feed.xml`,
    title: t("consultations.title"),
    subtitle: t("consultations.subtitle"),
    link: `${page}/feed.xml`,
    alternate: page,
    updated: entries[0]?.at ?? new Date(0),
    language: locale,
    entries: entries.map((e) => ({
      id: `${origin}/dialogue/consultations/${e.consultationId}/${e.kind}${e.kind === "update" ? `/${e.id}` : ""}`,
      title: t(`consultations.${e.kind}`, { title: pickLocalized(e.title, locale)?.text ?? t("consultations.untitled") }),
      link: `${page}/${e.consultationId}${anchor[e.kind]}`,
      updated: e.at,
      published: e.at,
      summary: pickLocalized(e.text, locale)?.text,
      categories: [e.kind, ...e.objectives.map((o) => `objective-${o}`)],
    })),
  });
  return atomResponse(xml);
}
