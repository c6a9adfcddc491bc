import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CommentDoneNotice } from "@/components/report/comments";
import { ReportText } from "@/components/report/report-text";
import { ReportStatusBadge } from "@/components/report/status-badge";
import { Pagination } from "@/components/ui/pagination";
import { resolvePageLocale } from "@/i18n/page-locale";
import { getCurrentActor } from "@/lib/auth/session";
import { reportParts } from "@/lib/report/parts";
import { canCommentOnVersion, canGiveDispositions, canLinkProposals } from "@/lib/report/policy";
import { getParagraphPage } from "@/lib/report/queries";
import { decodeSegment } from "@/lib/url";
import { CommentForm, CommentItem, LinkedProposals } from "../../_components/paragraph-comments";

type Props = {
  params: Promise<{ locale: string; n: string; anchor: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const parseNumber = (n: string) => (/^\d{1,7}$/.test(n) ? Number(n) : 0);
/** ?page=N, or "last" (where a new comment is, after the form). */
const parsePage = (value: string | string[] | undefined) =>
  value === "last" ? Number.MAX_SAFE_INTEGER : typeof value === "string" && /^\d{1,5}$/.test(value) ? Number(value) : 1;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await resolvePageLocale(params);
  const { n, anchor } = await params;
  const data = await getParagraphPage(await getCurrentActor(), parseNumber(n), decodeSegment(anchor));
  if (!data) return {};
  const t = await getTranslations({ locale, namespace: "report" });
  return {
    title: `${t("pages.paragraph.heading", { number: data.version.number })} · ${t("home.title")}`,
    robots: data.version.status === "DRAFT" ? { index: false } : undefined,
  };
}

/**
 * One paragraph of a version with everything about it: its text, the proposals it takes up
 * (staff link and unlink them here), all its comments, paged and whole (signature, text, the
 * replacement text proposed, the answer; staff's disposition form under each), and the comment
 * form while comments are open. The version page shows each paragraph's count and latest
 * comments and links here. Every form works without JavaScript.
 */
export default async function ParagraphPage({ params, searchParams }: Props) {
  const locale = await resolvePageLocale(params);
  const { n, anchor: rawAnchor } = await params;
  const anchor = decodeSegment(rawAnchor);
  const query = await searchParams;
  const actor = await getCurrentActor();
  const now = new Date();
  const data = await getParagraphPage(actor, parseNumber(n), anchor, parsePage(query.page), now);
  if (!data) notFound();
  const [t, tc] = await Promise.all([getTranslations("report"), getTranslations("reportComments")]);
  const { version, paragraph } = data;
  const status = version.effectiveStatus;
  const canComment = canCommentOnVersion(actor, version, now);
  const { partOf, parts } = reportParts(data.outline);
  const part = partOf.get(paragraph.anchor) ?? 1;
  const base = `/${locale}/report/versions/${version.number}`;
  const here = `${base}/paragraphs/${encodeURIComponent(paragraph.anchor)}`;
  const inContext = `${base}${parts.length > 1 && part > 1 ? `?part=${part}` : ""}#${paragraph.anchor}`;

  return (
    <article className="space-y-8">
      <div>
        <p className="report-actions mb-3">
          <a href={inContext}>{t("pages.paragraph.back", { number: version.number })}</a>
        </p>
        <header className="space-y-3 border-b border-slate-300 pb-4">
          <p className="text-sm font-medium uppercase tracking-wide text-slate-700" lang={version.language}>
            {version.title}
          </p>
          <div className="flex flex-wrap items-start justify-between gap-3">
            <h1 className="text-2xl font-bold text-slate-950 sm:text-3xl">{t("pages.paragraph.heading", { number: version.number })}</h1>
            <ReportStatusBadge status={status} />
          </div>
        </header>
      </div>

      <CommentDoneNotice done={query.done} />

      <section aria-labelledby="paragraph-text-heading">
        <h2 id="paragraph-text-heading" className="mb-2 text-xl font-semibold text-slate-950">
          {t("pages.paragraph.textHeading")}
        </h2>
        <ReportText paragraphs={[paragraph]} lang={version.language} />
      </section>

      {data.links.length > 0 || canLinkProposals(actor) ? (
        <LinkedProposals
          locale={locale}
          paragraph={{ id: paragraph.id, anchor: paragraph.anchor, versionId: version.id }}
          versionStatus={version.status}
          links={data.links}
          canLink={canLinkProposals(actor)}
        />
      ) : null}

      <section aria-labelledby="paragraph-comments-heading" id="report-comments" className="scroll-mt-4">
        <h2 id="paragraph-comments-heading" className="mb-3 text-xl font-semibold text-slate-950">
          {t("pages.paragraph.commentsHeading", { count: data.commentCount })}
        </h2>
        {data.comments.length > 0 ? (
          <ol className="space-y-4" aria-label={tc("list.label", { anchor: paragraph.anchor })}>
            {data.comments.map((comment) => (
              <li key={comment.id}>
                <CommentItem comment={comment} canAnswer={canGiveDispositions(actor)} locale={locale} signedIn={!!actor} page={data.page} />
              </li>
            ))}
          </ol>
        ) : null}
        <Pagination page={data.page} pageCount={data.pageCount} pathname={here.slice(locale.length + 1)} />
      </section>

      {canComment ? (
        <CommentForm locale={locale} paragraph={{ id: paragraph.id, anchor: paragraph.anchor, versionId: version.id }} versionStatus={version.status} />
      ) : status === "OPEN" && !actor ? (
        <p className="text-slate-800">
          {t("version.signInToComment")} <a href={`/${locale}/sign-in?next=${encodeURIComponent(here)}`}>{t("version.signIn")}</a>
        </p>
      ) : null}
    </article>
  );
}
