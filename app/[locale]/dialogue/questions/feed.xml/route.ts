import { getTranslations } from "next-intl/server";
import { isLocale } from "@/i18n/routing";
import type { PublicAuthor } from "@/lib/dialogue/authorship";
import { listQuestionFeedEntries } from "@/lib/dialogue/feed-queries";
import { atomFeed } from "@/lib/feeds/atom";
import { atomResponse, feedNotFound } from "@/lib/feeds/response";
import { countryName } from "@/lib/i18n/countries";
import { publicUrl } from "@/lib/url";

export const dynamic = "force-dynamic";

const FEED_SIZE = 50;

/**
 * New questions to the delegates and their answers, newest first: a question and its answer are
 * two entries. Hidden questions are left out; an author under a pseudonym is the pseudonym.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) return feedNotFound();
  const [t, td, entries] = await Promise.all([getTranslations({ locale, namespace: "dialogueFeeds" }), getTranslations({ locale, namespace: "dialogue" }), listQuestionFeedEntries(FEED_SIZE)]);
  const origin = publicUrl();
  const page = `${origin}/${locale}/dialogue/questions`;
  const institution = (i: { kind: "IOM" | "ECLAC" | "STATE"; country: string | null }) => td(`institutions.${i.kind}`, { country: i.country ? countryName(i.country, locale) : "" });
  const authorName = (a: PublicAuthor) =>
    a.kind === "person"
      ? a.name
      : a.kind === "gone"
        ? t("author.gone")
        : a.organization
          ? t("author.pseudonymOrg", { pseudonym: a.pseudonym, organization: a.organization.name })
          : t("author.pseudonym", { pseudonym: a.pseudonym });
  const xml = atomFeed({
    id: `${page}/feed.xml`,
    title: t("questions.title"),
    subtitle: t("questions.subtitle"),
    link: `${page}/feed.xml`,
    alternate: page,
    updated: entries[0]?.at ?? new Date(0),
    language: locale,
    entries: entries.map((e) => ({
      id: `${origin}/dialogue/questions/${e.questionId}/${e.kind}`,
      title: t(`questions.${e.kind}`, { title: e.title }),
      link: `${origin}/${locale}/dialogue/questions/${e.questionId}${e.kind === "answered" ? "#answer-heading" : ""}`,
      updated: e.at,
      published: e.at,
      summary: e.kind === "asked" ? `${t("questions.to", { institution: institution(e.institution) })}\n\n${e.body}` : `${e.delegateName ? t("questions.answeredBy", { name: e.delegateName, institution: institution(e.institution) }) : institution(e.institution)}\n\n${e.body}`,
      author: e.kind === "asked" ? authorName(e.author) : (e.delegateName ?? institution(e.institution)),
      // A vouching organization the pseudonymous asker chose to name links to its public page, as on the site.
      authorUri: e.kind === "asked" && e.author.kind === "pseudonym" && e.author.organization ? `${origin}/${locale}/organizations/${e.author.organization.slug}` : undefined,
      categories: [e.kind, ...e.objectives.map((o) => `objective-${o}`)],
    })),
  });
  return atomResponse(xml);
}
