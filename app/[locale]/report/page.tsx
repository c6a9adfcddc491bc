import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { PrintButton } from "@/components/report/print-button";
import { ReportDeadline } from "@/components/report/deadline";
import { ReportText } from "@/components/report/report-text";
import { ReportStatusBadge } from "@/components/report/status-badge";
import { TableOfContents } from "@/components/report/table-of-contents";
import { PartsFooter, PartsNav } from "@/components/report/parts-nav";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button-class";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Link } from "@/i18n/navigation";
import { resolvePageLocale } from "@/i18n/page-locale";
import { isLocale } from "@/i18n/routing";
import { splitMarkdown } from "@/lib/report/paragraphs";
import { parsePart, reportParts } from "@/lib/report/parts";
import { comparePreviousHref } from "@/lib/report/policy";
import { getCurrentReport } from "@/lib/report/queries";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await resolvePageLocale(params);
  const t = await getTranslations({ locale, namespace: "report" });
  return { title: t("home.title"), alternates: { types: { "application/atom+xml": [{ url: `/${locale}/report/feed.xml`, title: t("feedTitle") }] } } };
}

/**
 * The report as it stands: the final report if there is one, else the latest version open (or
 * closed) for comment. Table of contents, print layout, download; translations when attached.
 * A long report is read a part at a time (?part=N, or ?part=all for the whole text, to print):
 * lib/report/parts.ts says why.
 */
export default async function ReportPage({ params, searchParams }: Props) {
  const locale = await resolvePageLocale(params);
  const query = await searchParams;
  const [t, tc, format, data] = await Promise.all([getTranslations("report"), getTranslations("common"), getFormatter(), getCurrentReport()]);

  if (!data) {
    return (
      <>
        <PageHeader title={t("home.title")} lead={t("home.lead")} />
        <EmptyState title={t("home.none")}>
          <p>{t("home.noneLead")}</p>
        </EmptyState>
      </>
    );
  }

  const { version } = data;
  const wanted = typeof query.lang === "string" && isLocale(query.lang) ? query.lang : null;
  const translation = wanted && wanted !== version.language ? data.translations.find((tr) => tr.language === wanted) ?? null : null;
  const lang = translation ? translation.language : version.language;
  const title = translation ? translation.title : version.title;
  // A translation is read-only text without anchors of its own: its blocks are numbered.
  const paragraphs = translation
    ? splitMarkdown(translation.body).map((b, i) => ({ ...b, id: String(i), anchor: `${translation.language}-${i + 1}` }))
    : data.paragraphs;
  const download = `/${locale}/report/versions/${version.number}/download${translation ? `?lang=${translation.language}` : ""}`;
  const status = version.effectiveStatus;
  const comparePrevious = comparePreviousHref(version);
  const { parts, partOf } = reportParts(paragraphs);
  const part = parsePart(query.part, parts.length);
  const shown = part === "all" ? { start: 0, end: paragraphs.length } : parts[part - 1];
  const partHref = (k: number | "all") => {
    const q = new URLSearchParams({ ...(translation ? { lang: translation.language } : {}), ...(k === 1 ? {} : { part: String(k) }) }).toString();
    return `/${locale}/report${q ? `?${q}` : ""}`;
  };
  const inPart = (anchor: string) => (part === "all" || partOf.get(anchor) === part ? `#${anchor}` : `${partHref(partOf.get(anchor) ?? 1)}#${anchor}`);

  return (
    <article className="space-y-8">
      <header className="space-y-3 border-b border-slate-300 pb-4">
        <p className="text-sm font-medium uppercase tracking-wide text-slate-700">
          {status === "FINAL" ? t("home.eyebrowFinal") : t("home.eyebrowVersion", { number: version.number })}
        </p>
        <div className="flex flex-wrap items-start justify-between gap-3">
          <h1 className="max-w-4xl text-2xl font-bold text-slate-950 sm:text-3xl" lang={lang}>
            {title}
          </h1>
          <ReportStatusBadge status={status} />
        </div>
        {status === "FINAL" && version.finalAt ? (
          <p className="text-slate-800">{t("home.publishedOn", { date: format.dateTime(version.finalAt, { dateStyle: "long" }) })}</p>
        ) : null}
        {status !== "FINAL" && version.commentDeadline ? (
          <ReportDeadline deadline={version.commentDeadline} timeZone={version.timeZone} locale={locale} past={status !== "OPEN"} />
        ) : null}
      </header>

      {status === "OPEN" ? (
        <Alert tone="info" title={t("home.openNotice", { number: version.number })}>
          <Link href={`/report/versions/${version.number}`}>{t("home.commentLink")}</Link>
        </Alert>
      ) : status === "CLOSED" ? (
        <Alert tone="info">{t("home.closedNotice", { number: version.number })}</Alert>
      ) : null}

      {data.earlierFinal ? (
        <Alert tone="info" title={t("home.earlierFinal")}>
          <p>
            <Link href={`/report/versions/${data.earlierFinal.number}`} lang={data.earlierFinal.language}>
              {data.earlierFinal.title}
            </Link>
          </p>
          {data.earlierFinal.finalAt ? <p>{t("home.earlierFinalLead", { number: data.earlierFinal.number, date: format.dateTime(data.earlierFinal.finalAt, { dateStyle: "long" }) })}</p> : null}
          <p>
            <Link href="/report/follow-up">{t("home.followUpLink")}</Link>
          </p>
        </Alert>
      ) : null}

      {translation ? (
        <Alert tone="info">
          {t("home.translationNotice", { language: tc(`languages.${version.language}`) })}{" "}
          <Link href="/report">{t("home.readOriginal")}</Link>
        </Alert>
      ) : null}

      <div className="report-actions flex flex-wrap items-center gap-3">
        <a href={download} download className={buttonClass("secondary") + " no-underline"}>
          {t("home.download")}
        </a>
        <PrintButton label={t("home.print")} />
        <Link href="/report/versions">{t("home.allVersions")}</Link>
        <a href={`/${locale}/report/feed.xml`} type="application/atom+xml">
          {t("feedLink")}
        </a>
        {comparePrevious ? <Link href={comparePrevious}>{t("home.whatChanged")}</Link> : null}
        {status === "FINAL" ? <Link href="/report/follow-up">{t("home.followUpLink")}</Link> : null}
      </div>
      <p className="report-actions text-sm text-slate-700">{t("home.printHint")}</p>

      {data.translations.length > 0 ? (
        <nav aria-label={t("home.languagesLabel")} className="report-actions">
          <p className="text-slate-900">
            {t("home.alsoIn")}{" "}
            {[{ language: version.language, href: "/report" }, ...data.translations.map((tr) => ({ language: tr.language, href: `/report?lang=${tr.language}` }))]
              .filter((item) => item.language !== lang)
              .map((item, i) => (
                <span key={item.language}>
                  {i > 0 ? ", " : null}
                  <Link href={item.href} lang={item.language} hrefLang={item.language}>
                    {tc(`languages.${item.language}`)}
                  </Link>
                </span>
              ))}
          </p>
        </nav>
      ) : null}

      <TableOfContents paragraphs={paragraphs} lang={lang} href={inPart} />
      <PartsNav blocks={paragraphs} parts={parts} current={part} href={partHref} all={partHref("all")} />

      <section aria-labelledby="report-text-heading">
        <h2 id="report-text-heading" className="mb-2 text-xl font-semibold text-slate-950">
          {t("home.textHeading")}
        </h2>
        <ReportText paragraphs={paragraphs} lang={lang} start={shown.start} end={shown.end} />
        <PartsFooter blocks={paragraphs} parts={parts} current={part} href={partHref} />
      </section>
    </article>
  );
}
