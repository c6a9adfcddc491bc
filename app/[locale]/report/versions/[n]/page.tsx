import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { CommentCounts, CommentDoneNotice } from "@/components/report/comments";
import { ParagraphSummary } from "./_components/paragraph-comments";
import { PartsFooter, PartsNav } from "@/components/report/parts-nav";
import { ReportDeadline } from "@/components/report/deadline";
import { InternalNote } from "@/components/report/internal-note";
import { PrintButton } from "@/components/report/print-button";
import { ReportText } from "@/components/report/report-text";
import { ReportStatusBadge } from "@/components/report/status-badge";
import { TableOfContents } from "@/components/report/table-of-contents";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button-class";
import { Link } from "@/i18n/navigation";
import { resolvePageLocale } from "@/i18n/page-locale";
import { getCurrentActor } from "@/lib/auth/session";
import { parsePart, reportParts } from "@/lib/report/parts";
import { canCommentOnVersion, canManageReport, comparePreviousHref } from "@/lib/report/policy";
import { getVersionMeta, getVersionPage } from "@/lib/report/queries";

type Props = { params: Promise<{ locale: string; n: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const parseNumber = (n: string) => (/^\d{1,7}$/.test(n) ? Number(n) : 0);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await resolvePageLocale(params);
  const { n } = await params;
  const version = await getVersionMeta(await getCurrentActor(), parseNumber(n));
  if (!version) return {};
  const t = await getTranslations({ locale, namespace: "report" });
  return {
    title: `${t("version.heading", { number: version.number })} · ${t("home.title")}`,
    // Drafts are for staff and the committee: never indexed.
    robots: version.status === "DRAFT" ? { index: false } : undefined,
  };
}

/**
 * One version, paragraph by paragraph, a part at a time when it is long (lib/report/parts.ts,
 * ?part=N or ?part=all): each paragraph has its stable anchor as id, the proposals it takes up,
 * its comment count and latest comments, and a link to its own page (all its comments, the
 * comment form, staff's dispositions). ?comment=<anchor> (the former way to open a form) goes
 * to that page.
 */
export default async function VersionPage({ params, searchParams }: Props) {
  const locale = await resolvePageLocale(params);
  const { n } = await params;
  const query = await searchParams;
  const actor = await getCurrentActor();
  const now = new Date();
  const data = await getVersionPage(actor, parseNumber(n), now);
  if (!data) notFound();
  const paragraphHref = (anchor: string) => `/${locale}/report/versions/${data.version.number}/paragraphs/${encodeURIComponent(anchor)}`;
  if (typeof query.comment === "string" && data.paragraphs.some((p) => p.anchor === query.comment)) redirect(`${paragraphHref(query.comment)}#comment-${query.comment}`);
  const [t, tc, format] = await Promise.all([getTranslations("report"), getTranslations("common"), getFormatter()]);
  const { version } = data;
  const comparePrevious = comparePreviousHref(version);
  const status = version.effectiveStatus;
  // A visitor is invited too: the paragraph's page asks them to sign in.
  const invite = canCommentOnVersion(actor, version, now) || (status === "OPEN" && !actor);
  const { parts, partOf } = reportParts(data.paragraphs);
  const part = parsePart(query.part, parts.length);
  const shown = part === "all" ? { start: 0, end: data.paragraphs.length } : parts[part - 1];
  const partHref = (k: number) => `/${locale}/report/versions/${version.number}${k > 1 ? `?part=${k}` : ""}`;
  const inPart = (anchor: string) => (part === "all" || partOf.get(anchor) === part ? `#${anchor}` : `${partHref(partOf.get(anchor) ?? 1)}#${anchor}`);

  return (
    <article className="space-y-8">
      <div>
        <p className="report-actions mb-3">
          <Link href="/report/versions">{t("version.back")}</Link>
        </p>
        <header className="space-y-3 border-b border-slate-300 pb-4">
          <p className="text-sm font-medium uppercase tracking-wide text-slate-700">{t("version.heading", { number: version.number })}</p>
          <div className="flex flex-wrap items-start justify-between gap-3">
            <h1 className="max-w-4xl text-2xl font-bold text-slate-950 sm:text-3xl" lang={version.language}>
              {version.title}
            </h1>
            <ReportStatusBadge status={status} />
          </div>
          <p className="text-slate-800">
            {t("version.writtenIn", { language: tc(`languages.${version.language}`) })}
            {version.finalAt ? <> · {t("home.publishedOn", { date: format.dateTime(version.finalAt, { dateStyle: "long" }) })}</> : null}
          </p>
          {version.commentDeadline && (status === "OPEN" || status === "CLOSED") ? (
            <ReportDeadline deadline={version.commentDeadline} timeZone={version.timeZone} locale={locale} past={status !== "OPEN"} />
          ) : null}
        </header>
      </div>

      <CommentDoneNotice done={query.done} />
      <Alert tone="info">{t(`version.notice.${status}`)}</Alert>
      {data.internalNote ? <InternalNote label={t("version.internalNote")} note={data.internalNote} /> : null}
      {status === "OPEN" && !actor ? (
        <p className="text-slate-800">
          {t("version.signInToComment")} <Link href={`/sign-in?next=${encodeURIComponent(`/${locale}/report/versions/${version.number}`)}`}>{t("version.signIn")}</Link>
        </p>
      ) : null}

      <div className="report-actions flex flex-wrap items-center gap-3">
        <a href={`/${locale}/report/versions/${version.number}/download`} download className={buttonClass("secondary") + " no-underline"}>
          {t("home.download")}
        </a>
        <PrintButton label={t("home.print")} />
        {comparePrevious ? <Link href={comparePrevious}>{t("version.compareWithPrevious")}</Link> : null}
        {canManageReport(actor) ? <Link href="/dashboard/report">{t("version.manage")}</Link> : null}
      </div>

      {data.translations.length > 0 ? (
        <p className="report-actions text-slate-900">
          {t("version.translations")}{" "}
          {data.translations.map((tr, i) => (
            <span key={tr.language}>
              {i > 0 ? ", " : null}
              <a href={`/${locale}/report/versions/${version.number}/download?lang=${tr.language}`} download hrefLang={tr.language}>
                {tc(`languages.${tr.language}`)}
              </a>
            </span>
          ))}
        </p>
      ) : null}

      <section aria-labelledby="counts-heading" className="report-actions rounded-lg border border-slate-300 bg-white p-5">
        <h2 id="counts-heading" className="mb-2 text-xl font-semibold text-slate-950">
          {t("version.countsHeading")}
        </h2>
        <CommentCounts counts={data.counts} label={t("version.heading", { number: version.number })} />
      </section>

      <TableOfContents paragraphs={data.paragraphs} lang={version.language} href={inPart} />
      <PartsNav blocks={data.paragraphs} parts={parts} current={part} href={partHref} all={`/${locale}/report/versions/${version.number}?part=all`} />

      <section aria-labelledby="report-text-heading">
        <h2 id="report-text-heading" className="mb-2 text-xl font-semibold text-slate-950">
          {t("home.textHeading")}
        </h2>
        <ReportText
          paragraphs={data.paragraphs}
          lang={version.language}
          start={shown.start}
          end={shown.end}
          after={(p) => (
            <ParagraphSummary
              locale={locale}
              href={paragraphHref(p.anchor)}
              count={data.commentCounts.get(p.id) ?? 0}
              latest={data.latestByParagraph.get(p.id) ?? []}
              links={data.proposalsByParagraph.get(p.id) ?? []}
              open={invite}
              signedIn={!!actor}
            />
          )}
        />
        <PartsFooter blocks={data.paragraphs} parts={parts} current={part} href={partHref} />
      </section>
    </article>
  );
}
