import { getFormatter, getTranslations } from "next-intl/server";
import {
  giveDispositionAction,
  linkProposalAction,
  postCommentAction,
  unlinkProposalAction,
} from "@/app/[locale]/report/comment-actions";
import { CommentDisclosure } from "@/components/proposals/comment-disclosure";
import { ProposalStatusBadge } from "@/components/proposals/status-badge";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { buttonClass } from "@/components/ui/button-class";
import { Field, TextArea } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { Link } from "@/i18n/navigation";
import { locales, type AppLocale } from "@/i18n/routing";
import { getCurrentActor } from "@/lib/auth/session";
import type { CommentDisposition, ReportVersionStatus } from "@/lib/generated/prisma/enums";
import { reportCommentOrganizations } from "@/lib/report/policy";
import { COMMENT_DISPOSITIONS, DISPOSITION_ANSWER_MAX, REPORT_COMMENT_LIMITS } from "@/lib/report/schemas";
import type { LinkedProposalView, ReportCommentView } from "@/lib/report/views";
import { DispositionBadge } from "@/components/report/comments";
import { FlagLink, HiddenNotice } from "@/components/moderation/flag-link";
import { excerpt } from "@/components/ui/excerpt";

export type ParagraphCommentsProps = {
  locale: AppLocale;
  /** The paragraph (its id and stable anchor) and, for the forms, its version. */
  paragraph: { id: string; anchor: string; versionId?: string };
  versionStatus: ReportVersionStatus;
  /** The public proposals this paragraph takes up (toLinkedProposalView rows). */
  links?: LinkedProposalView[];
  /** canLinkProposals(actor): the "link a proposal" form and a remove button per link. */
  canLink?: boolean;
};

const linkClass = "font-medium text-blue-800 underline underline-offset-2 hover:text-blue-950";

/**
 * Under a paragraph on the version page, kept light (a version has hundreds of paragraphs and
 * thousands of comments): the proposals it takes up, its LATEST_COMMENTS latest comments in
 * short, and one link to the paragraph's own page, where every comment is whole (paged), with
 * its answer, and the comment form is. Nothing when there is nothing to say or do.
 */
export async function ParagraphSummary({
  locale,
  href,
  count,
  latest,
  links,
  open,
  signedIn,
}: {
  locale: AppLocale;
  /** The paragraph's page. */
  href: string;
  /** Its visible comments (hidden ones not counted). */
  count: number;
  latest: ReportCommentView[];
  links: LinkedProposalView[];
  /** Comments are open on this version: the link also invites a comment. */
  open: boolean;
  /** Signed in: a flag link by each comment (such pages are never cached). */
  signedIn: boolean;
}) {
  if (count === 0 && links.length === 0 && !open) return null;
  const [t, tc, format] = await Promise.all([getTranslations("report"), getTranslations("reportComments"), getFormatter()]);
  const signature = (c: ReportCommentView) => (c.signature.kind === "organization" ? c.signature.name : tc(`signature.${c.signature.kind}`));
  return (
    // In the reader's language, even inside a report text written in another one.
    <div className="rsum" lang={locale}>
      {links.length > 0 ? (
        <p>
          {t("pages.summary.takesUp")}{" "}
          {links.map((link, i) => (
            <span key={link.proposalId}>
              {i > 0 ? "; " : null}
              <a href={`/${locale}/proposals/${link.proposalId}`} lang={link.language}>
                {link.title}
              </a>{" "}
              ({link.organizationName})
            </span>
          ))}
        </p>
      ) : null}
      {latest.map((comment) => (
        <article key={comment.id} id={`report-comment-${comment.id}`}>
          <p className="rmeta">
            <b className="text-slate-900">{signature(comment)}</b> · <time dateTime={comment.createdAt.toISOString()}>{format.dateTime(comment.createdAt, { dateStyle: "medium" })}</time>{" "}
            <Disposition disposition={comment.disposition} />
          </p>
          <p className="rbody" lang={comment.language ?? undefined}>
            {excerpt(comment.body ?? "")}
          </p>
          {comment.proposedText ? <p className="rmeta">{t("pages.summary.proposesText")}</p> : null}
          {signedIn ? <FlagLink kind="REPORT_COMMENT" postId={comment.id} /> : null}
        </article>
      ))}
      {count > 0 || open ? (
        <p>
          <a href={href} className="font-medium">
            {open ? t("pages.summary.readAndComment", { count }) : t("pages.summary.read", { count })}
          </a>
        </p>
      ) : null}
    </div>
  );
}

/** A disposition in words, light (the version page has many): "waiting" when none yet. */
async function Disposition({ disposition }: { disposition: CommentDisposition | null }) {
  const [t, tc] = await Promise.all([getTranslations("reportComments"), getTranslations("common")]);
  return <span className="rdisp" data-d={disposition ?? "waiting"}>{disposition ? tc(`commentDispositions.${disposition}`) : t("waiting")}</span>;
}

/** One comment: who signs, when, the text, the replacement text proposed, and its answer. */
export async function CommentItem({ comment, canAnswer, locale, signedIn, page }: { comment: ReportCommentView; canAnswer: boolean; locale: AppLocale; signedIn: boolean; page: number }) {
  const t = await getTranslations("reportComments");
  const tc = await getTranslations("common");
  const format = await getFormatter();
  const signature =
    comment.signature.kind === "organization" ? (
      comment.signature.slug ? (
        <Link href={`/organizations/${comment.signature.slug}`} className={linkClass}>
          {comment.signature.name}
        </Link>
      ) : (
        comment.signature.name
      )
    ) : comment.signature.kind === "committee" ? (
      t("signature.committee")
    ) : (
      t("signature.secretariat")
    );
  return (
    <article id={`report-comment-${comment.id}`} tabIndex={-1} className="scroll-mt-4 space-y-2 rounded-md border border-slate-300 bg-white p-3 focus:outline-none">
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <p className="text-slate-900">
          <span className="font-semibold">{signature}</span>
          {comment.authorName ? <span className="text-slate-700"> · {comment.authorName}</span> : null}
          <span className="text-sm text-slate-700">
            {" · "}
            <time dateTime={comment.createdAt.toISOString()}>{format.dateTime(comment.createdAt, "long")}</time>
          </span>
        </p>
        <DispositionBadge disposition={comment.disposition} />
      </header>
      {comment.hidden ? (
        <HiddenNotice reason={comment.hidden.reason} at={comment.hidden.at} format={(date) => format.dateTime(date, "short")} />
      ) : (
        <p className="whitespace-pre-wrap break-words text-slate-900" lang={comment.language ?? undefined}>
          {comment.body}
        </p>
      )}
      {comment.proposedText ? (
        <figure className="rounded-md bg-slate-50 p-3">
          <figcaption className="text-sm font-medium text-slate-800">{t("proposedText")}</figcaption>
          <blockquote className="mt-1 border-l-4 border-blue-700 pl-3 whitespace-pre-wrap break-words text-slate-900" lang={comment.language ?? undefined}>
            {comment.proposedText}
          </blockquote>
        </figure>
      ) : null}
      {comment.disposition && comment.answer ? (
        <div className="rounded-md border-l-4 border-blue-800 bg-blue-50 p-3">
          <p className="text-sm font-medium text-slate-900">
            {t("answer.heading", { disposition: tc(`commentDispositions.${comment.disposition}`) })}
            {comment.dispositionAt ? (
              <span className="font-normal text-slate-700">
                {" · "}
                <time dateTime={comment.dispositionAt.toISOString()}>{format.dateTime(comment.dispositionAt, "short")}</time>
              </span>
            ) : null}
          </p>
          <p className="mt-1 whitespace-pre-wrap break-words text-slate-900">{comment.answer}</p>
        </div>
      ) : null}
      {signedIn && !comment.hidden ? <FlagLink kind="REPORT_COMMENT" postId={comment.id} /> : null}
      {canAnswer ? <DispositionForm comment={comment} locale={locale} page={page} /> : null}
    </article>
  );
}

/** Staff: the disposition and the public answer of one comment (changeable; the log keeps each). */
async function DispositionForm({ comment, locale, page }: { comment: ReportCommentView; locale: AppLocale; page: number }) {
  const t = await getTranslations("reportComments");
  const tc = await getTranslations("common");
  return (
    <ActionForm action={giveDispositionAction}>
      <CommentDisclosure summary={<>{comment.disposition ? t("disposition.change") : t("disposition.give")}</>}>
        <input type="hidden" name="commentId" value={comment.id} />
        <input type="hidden" name="versionId" value={comment.versionId} />
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="page" value={page} />
        <Select
          name="disposition"
          label={t("disposition.label")}
          options={COMMENT_DISPOSITIONS.map((d) => ({ value: d, label: tc(`commentDispositions.${d}`) }))}
          defaultValue={comment.disposition ?? undefined}
          placeholder={tc("choose")}
          required
          requiredLabel={tc("requiredField")}
        />
        <TextArea
          name="answer"
          label={t("disposition.answer")}
          hint={t("disposition.answerHint", { max: DISPOSITION_ANSWER_MAX })}
          defaultValue={comment.answer ?? undefined}
          required
          requiredLabel={tc("requiredField")}
          maxLength={DISPOSITION_ANSWER_MAX}
          rows={3}
        />
        <Button pendingLabel={t("disposition.pending")}>{t("disposition.submit")}</Button>
      </CommentDisclosure>
    </ActionForm>
  );
}

/** The comment form of one paragraph, on the paragraph's page. */
export async function CommentForm({ locale, paragraph, versionStatus }: ParagraphCommentsProps) {
  const t = await getTranslations("reportComments");
  const tc = await getTranslations("common");
  const actor = await getCurrentActor();
  const organizations = reportCommentOrganizations(actor);
  const headingId = `comment-${paragraph.anchor}-heading`;
  return (
    <div id={`comment-${paragraph.anchor}`} tabIndex={-1} className="scroll-mt-4 rounded-lg border border-slate-300 bg-slate-50 p-4 focus:outline-none">
      <p id={headingId} className="mb-3 text-lg font-semibold text-slate-950">
        {t("form.heading")}
      </p>
      {versionStatus === "DRAFT" ? <p className="mb-3 text-slate-800">{t("form.draftNotice")}</p> : <p className="mb-3 text-slate-800">{t("form.publicNotice")}</p>}
      <ActionForm action={postCommentAction} aria-label={t("form.heading")}>
        <input type="hidden" name="paragraphId" value={paragraph.id} />
        {paragraph.versionId ? <input type="hidden" name="versionId" value={paragraph.versionId} /> : null}
        <input type="hidden" name="locale" value={locale} />
        {organizations.length > 1 ? (
          <Select
            name="organizationId"
            label={t("form.organization")}
            hint={t("form.organizationHint")}
            options={organizations.map((m) => ({ value: m.organizationId, label: m.organizationName }))}
            defaultValue={organizations[0].organizationId}
          />
        ) : (
          <p className="text-slate-800">
            {organizations.length === 1
              ? t("form.signedAs", { organization: organizations[0].organizationName })
              : actor?.committeeTerm
                ? t("form.signedAsCommittee")
                : t("form.signedAsSecretariat")}
          </p>
        )}
        <TextArea
          name="body"
          label={t("form.body")}
          hint={t("form.bodyHint", { max: REPORT_COMMENT_LIMITS.body })}
          required
          requiredLabel={tc("requiredField")}
          maxLength={REPORT_COMMENT_LIMITS.body}
          rows={5}
        />
        <TextArea
          name="proposedText"
          label={t("form.proposedText")}
          hint={t("form.proposedTextHint")}
          maxLength={REPORT_COMMENT_LIMITS.proposedText}
          rows={4}
        />
        <Select
          name="language"
          label={t("form.language")}
          options={locales.map((l) => ({ value: l, label: tc(`languages.${l}`) }))}
          defaultValue={locale}
        />
        <div className="flex flex-wrap items-center gap-4">
          <Button pendingLabel={t("form.pending")}>{t("form.submit")}</Button>
          <a href={`#${paragraph.anchor}`} className={buttonClass("secondary")}>
            {t("form.cancel")}
          </a>
        </div>
      </ActionForm>
    </div>
  );
}

/** The proposals the paragraph takes up and, for staff, the forms to link and unlink. */
export async function LinkedProposals({ locale, paragraph, links = [], canLink }: ParagraphCommentsProps) {
  const t = await getTranslations("reportComments");
  const tc = await getTranslations("common");
  return (
    <section aria-label={t("links.label", { anchor: paragraph.anchor })} className="space-y-2">
      {links.length > 0 ? (
        <>
          <p className="text-sm font-medium text-slate-800">{t("links.heading")}</p>
          <ul className="space-y-2">
            {links.map((link) => (
              <li key={link.proposalId} className="flex flex-wrap items-center gap-2">
                <Link href={`/proposals/${link.proposalId}`} className={linkClass} lang={link.language}>
                  {link.title}
                </Link>
                <span className="text-sm text-slate-700">({link.organizationName})</span>
                <ProposalStatusBadge status={link.status} />
                {canLink && paragraph.versionId ? (
                  <ActionForm action={unlinkProposalAction} className="inline">
                    <input type="hidden" name="versionId" value={paragraph.versionId} />
                    <input type="hidden" name="paragraphId" value={paragraph.id} />
                    <input type="hidden" name="proposalId" value={link.proposalId} />
                    <input type="hidden" name="locale" value={locale} />
                    <Button variant="link" pendingLabel={t("links.removing")}>
                      {t("links.remove")}
                      <span className="sr-only"> {link.title}</span>
                    </Button>
                  </ActionForm>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {canLink && paragraph.versionId ? (
        <ActionForm action={linkProposalAction}>
          <CommentDisclosure summary={<>{t("links.add")}<span className="sr-only"> {t("form.openParagraph", { anchor: paragraph.anchor })}</span></>}>
            <input type="hidden" name="versionId" value={paragraph.versionId} />
            <input type="hidden" name="paragraphId" value={paragraph.id} />
            <input type="hidden" name="locale" value={locale} />
            <Field
              name="proposal"
              label={t("links.proposal")}
              hint={t("links.proposalHint")}
              required
              requiredLabel={tc("requiredField")}
              maxLength={500}
            />
            <Button pendingLabel={t("links.pending")}>{t("links.submit")}</Button>
          </CommentDisclosure>
        </ActionForm>
      ) : null}
    </section>
  );
}
