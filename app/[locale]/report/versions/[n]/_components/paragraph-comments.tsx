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
import type { ReportVersionStatus } from "@/lib/generated/prisma/enums";
import { reportCommentOrganizations } from "@/lib/report/policy";
import { COMMENT_DISPOSITIONS, DISPOSITION_ANSWER_MAX, REPORT_COMMENT_LIMITS } from "@/lib/report/schemas";
import type { LinkedProposalView, ReportCommentView } from "@/lib/report/views";
import { DispositionBadge } from "@/components/report/comments";
import { FlagLink, HiddenNotice } from "@/components/moderation/flag-link";

export type ParagraphCommentsProps = {
  locale: AppLocale;
  /** The paragraph (its id and stable anchor) and, for the forms, its version. */
  paragraph: { id: string; anchor: string; versionId?: string };
  /** This paragraph's comments, oldest first (toCommentView rows grouped with commentsByParagraph). */
  comments: ReportCommentView[];
  /** canCommentOnVersion(actor, version): the link to the form, and the form when `formOpen`. */
  canComment: boolean;
  /** canGiveDispositions(actor): a disposition form under each comment. */
  canAnswer: boolean;
  versionStatus: ReportVersionStatus;
  /** The page was asked for this paragraph's form (?comment=<anchor>): it is shown open, without JavaScript. */
  formOpen: boolean;
  /** The public proposals this paragraph takes up (toLinkedProposalView rows grouped with linksByParagraph). */
  links?: LinkedProposalView[];
  /** canLinkProposals(actor): the "link a proposal" form and a remove button per link. */
  canLink?: boolean;
};

const linkClass = "font-medium text-blue-800 underline underline-offset-2 hover:text-blue-950";

/**
 * Under a paragraph of a report version: the proposals it takes up, its comments (signature,
 * date, text, proposed replacement text, disposition and answer), the way to comment (a link
 * that opens the form on the server, `?comment=<anchor>#comment-<anchor>`: no JavaScript needed)
 * and, for staff, the disposition and link forms. Every form posts to a server action.
 */
export async function ParagraphComments(props: ParagraphCommentsProps) {
  const { paragraph, comments, canComment, canAnswer, formOpen, links = [], canLink = false } = props;
  const t = await getTranslations("reportComments");
  const showLinks = links.length > 0 || canLink;
  if (comments.length === 0 && !showLinks && !canComment) return null;

  return (
    // In the reader's language, even inside a report text written in another one.
    <div lang={props.locale} className="mt-3 space-y-4 border-l-4 border-slate-200 pl-4 print:hidden">
      {showLinks ? <LinkedProposals {...props} links={links} canLink={canLink} /> : null}

      {comments.length > 0 ? (
        <section aria-label={t("list.label", { anchor: paragraph.anchor })}>
          <p className="text-sm font-medium text-slate-800">{t("list.count", { count: comments.length })}</p>
          <ol className="mt-2 space-y-4">
            {comments.map((comment) => (
              <li key={comment.id}>
                <CommentItem comment={comment} canAnswer={canAnswer} locale={props.locale} />
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      {canComment ? (
        formOpen ? (
          <CommentForm {...props} />
        ) : (
          <p>
            <a href={`?comment=${encodeURIComponent(paragraph.anchor)}#comment-${paragraph.anchor}`} className={linkClass}>
              {t("form.open")}
              <span className="sr-only"> {t("form.openParagraph", { anchor: paragraph.anchor })}</span>
            </a>
          </p>
        )
      ) : null}
    </div>
  );
}

/** One comment: who signs, when, the text, the replacement text proposed, and its answer. */
async function CommentItem({ comment, canAnswer, locale }: { comment: ReportCommentView; canAnswer: boolean; locale: AppLocale }) {
  const t = await getTranslations("reportComments");
  const tc = await getTranslations("common");
  const format = await getFormatter();
  // Signed in: the link to flag it (the same page for every visitor otherwise).
  const signedIn = !!(await getCurrentActor());
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
      {canAnswer ? <DispositionForm comment={comment} locale={locale} /> : null}
    </article>
  );
}

/** Staff: the disposition and the public answer of one comment (changeable; the log keeps each). */
async function DispositionForm({ comment, locale }: { comment: ReportCommentView; locale: AppLocale }) {
  const t = await getTranslations("reportComments");
  const tc = await getTranslations("common");
  return (
    <ActionForm action={giveDispositionAction}>
      <CommentDisclosure summary={<>{comment.disposition ? t("disposition.change") : t("disposition.give")}</>}>
        <input type="hidden" name="commentId" value={comment.id} />
        <input type="hidden" name="versionId" value={comment.versionId} />
        <input type="hidden" name="locale" value={locale} />
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

/** The comment form of one paragraph, opened on the server (?comment=<anchor>). */
async function CommentForm({ locale, paragraph, versionStatus }: ParagraphCommentsProps) {
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
          <a href={`?#${paragraph.anchor}`} className={buttonClass("secondary")}>
            {t("form.cancel")}
          </a>
        </div>
      </ActionForm>
    </div>
  );
}

/** The proposals the paragraph takes up and, for staff, the forms to link and unlink. */
async function LinkedProposals({ locale, paragraph, links = [], canLink }: ParagraphCommentsProps) {
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
