import { getFormatter, getTranslations } from "next-intl/server";
import { addCommentAction } from "@/app/[locale]/proposals/[id]/comment-actions";
import { hidePostAction } from "@/app/[locale]/moderation/actions";
import { FlagLink } from "@/components/moderation/flag-link";
import { HideForm } from "@/components/moderation/forms";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { TextArea } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { Link } from "@/i18n/navigation";
import type { AppLocale } from "@/i18n/routing";
import type { Actor } from "@/lib/auth/actor";
import { canModerate } from "@/lib/moderation/policy";
import { canComment as roleMayComment, commentingOrganizations } from "@/lib/proposals/policy";
import { listComments, mayCommentOn, type CommentView } from "@/lib/proposals/queries";
import { COMMENT_LIMITS } from "@/lib/proposals/schemas";
import { CommentDisclosure } from "@/components/proposals/comment-disclosure";

type Props = {
  proposalId: string;
  actor: Actor | null;
  locale: AppLocale;
  /**
   * Whether the actor may comment on this proposal now: canCommentOn(actor, proposal). When
   * left out, it is worked out here (one small query for the proposal's status).
   */
  canComment?: boolean;
  /** The section's own heading ("Discussion"); false when the page gives it one. */
  withHeading?: boolean;
};

const linkClass = "font-medium text-blue-800 underline underline-offset-2";

/**
 * The discussion of a proposal: comments with one level of replies, a form to comment, a reply
 * form under each comment, and for staff a form to hide a comment with a public reason. Every
 * form is a plain form posting to a server action: it works without JavaScript.
 */
export async function CommentsSection({ proposalId, actor, locale, canComment: given, withHeading = true }: Props) {
  const t = await getTranslations("proposalDiscussion");
  const tc = await getTranslations("common");
  const [threads, canComment] = await Promise.all([
    listComments(proposalId, actor),
    given ?? mayCommentOn(proposalId, actor),
  ]);
  const canHide = canModerate(actor);
  const signedIn = !!actor;
  const count = threads.reduce((n, thread) => n + 1 + thread.replies.length, 0);

  return (
    <section id="discussion" aria-labelledby={withHeading ? "discussion-heading" : undefined} className="space-y-6">
      <div>
        {withHeading ? (
          <h2 id="discussion-heading" className="text-xl font-semibold text-slate-950">
            {t("heading")}
          </h2>
        ) : null}
        {count > 0 ? <p className="mt-1 text-slate-700">{t("count", { count })}</p> : null}
      </div>

      {threads.length === 0 ? (
        <p className="text-slate-800">{t("empty")}</p>
      ) : (
        <ol className="space-y-6" aria-label={t("listLabel")}>
          {threads.map((thread) => (
            <li key={thread.id} className="rounded-lg border border-slate-300 bg-white p-4">
              <Comment comment={thread} level={3} locale={locale} canHide={canHide} canFlag={signedIn} />
              {thread.replies.length > 0 ? (
                <ol className="mt-4 space-y-4 border-l-4 border-slate-200 pl-4" aria-label={t("repliesLabel", { name: authorLabel(thread, t("formerParticipant")) })}>
                  {thread.replies.map((reply) => (
                    <li key={reply.id}>
                      <Comment comment={reply} level={4} locale={locale} canHide={canHide} canFlag={signedIn} />
                    </li>
                  ))}
                </ol>
              ) : null}
              {canComment && !thread.hidden ? (
                <div className="mt-4 border-t border-slate-200 pt-3">
                  <ActionForm action={addCommentAction}>
                    <CommentDisclosure
                      summary={
                        <>
                          {t("reply.summary")}
                          <span className="sr-only"> {t("reply.to", { name: authorLabel(thread, t("formerParticipant")) })}</span>
                        </>
                      }
                    >
                      <input type="hidden" name="proposalId" value={proposalId} />
                      <input type="hidden" name="parentId" value={thread.id} />
                      <input type="hidden" name="locale" value={locale} />
                      <TextArea
                        name="body"
                        label={t("reply.body")}
                        required
                        requiredLabel={tc("requiredField")}
                        maxLength={COMMENT_LIMITS.body}
                        rows={3}
                      />
                      <Button pendingLabel={t("publishing")}>{t("reply.submit")}</Button>
                    </CommentDisclosure>
                  </ActionForm>
                </div>
              ) : null}
            </li>
          ))}
        </ol>
      )}

      <CommentForm proposalId={proposalId} actor={actor} locale={locale} canComment={canComment} />
    </section>
  );
}

const authorLabel = (comment: CommentView, fallback: string) => comment.authorName ?? fallback;

/** One comment or reply: who, for which organization, when, and the text or why it was hidden. */
async function Comment({ comment, level, locale, canHide, canFlag }: { comment: CommentView; level: 3 | 4; locale: AppLocale; canHide: boolean; canFlag: boolean }) {
  const t = await getTranslations("proposalDiscussion");
  const format = await getFormatter();
  const Heading = level === 3 ? "h3" : "h4";
  const name = authorLabel(comment, t("formerParticipant"));
  return (
    <article id={`comment-${comment.id}`} tabIndex={-1} className="scroll-mt-4 space-y-2 focus:outline-none">
      <header className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
        <Heading className="font-semibold text-slate-950">
          {comment.organization
            ? t.rich("authorForOrganization", {
                name,
                organization: comment.organization.name,
                org: (chunks) => (
                  <Link href={`/organizations/${comment.organization!.slug}`} className={linkClass}>
                    {chunks}
                  </Link>
                ),
              })
            : name}
        </Heading>
        <span className="text-sm text-slate-700">
          <time dateTime={comment.createdAt.toISOString()}>{format.dateTime(comment.createdAt, "long")}</time>
        </span>
      </header>
      {comment.hidden ? (
        <div className="rounded-md border-l-4 border-slate-500 bg-slate-100 p-3 text-slate-900">
          <p className="font-medium">{t("hidden.notice", { date: format.dateTime(comment.hidden.at, "short") })}</p>
          <p className="mt-1 whitespace-pre-wrap break-words">{t("hidden.reason", { reason: comment.hidden.reason })}</p>
        </div>
      ) : (
        <p className="whitespace-pre-wrap break-words text-slate-900">{comment.body}</p>
      )}
      {canFlag && !comment.hidden ? <FlagLink kind="PROPOSAL_COMMENT" postId={comment.id} /> : null}
      {canHide && !comment.hidden ? (
        // The one hide path of every kind of post (lib/moderation): a category and a public reason.
        <HideForm
          action={hidePostAction}
          kind="PROPOSAL_COMMENT"
          postId={comment.id}
          locale={locale}
          back="post"
          folded={
            <>
              {t("hide.summary")}
              <span className="sr-only"> ({name})</span>
            </>
          }
        />
      ) : null}
    </article>
  );
}

/** The form for a new comment, or a line saying how to take part. */
async function CommentForm({ proposalId, actor, locale, canComment }: Omit<Props, "canComment"> & { canComment: boolean }) {
  const t = await getTranslations("proposalDiscussion");
  const tc = await getTranslations("common");
  if (!canComment || !actor) {
    let notice;
    if (!actor) {
      notice = (
        <Link href={`/sign-in?next=${encodeURIComponent(`/${locale}/proposals/${proposalId}`)}`} className={linkClass}>
          {t("signIn")}
        </Link>
      );
    } else {
      notice = roleMayComment(actor) ? t("closed") : t("whoCanComment");
    }
    return <p className="rounded-md border border-slate-300 bg-slate-50 p-4 text-slate-900">{notice}</p>;
  }
  const organizations = commentingOrganizations(actor);
  return (
    <div className="rounded-lg border border-slate-300 bg-slate-50 p-4">
      <h3 className="mb-3 text-lg font-semibold text-slate-950">{t("form.heading")}</h3>
      <ActionForm action={addCommentAction} aria-label={t("form.heading")}>
        <input type="hidden" name="proposalId" value={proposalId} />
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
              ? t("form.asPersonForOrganization", { name: actor.name, organization: organizations[0].organizationName })
              : t("form.asPerson", { name: actor.name })}
          </p>
        )}
        <TextArea
          name="body"
          label={t("form.body")}
          hint={t("form.bodyHint", { max: COMMENT_LIMITS.body })}
          required
          requiredLabel={tc("requiredField")}
          maxLength={COMMENT_LIMITS.body}
          rows={5}
        />
        <Button pendingLabel={t("publishing")}>{t("form.submit")}</Button>
      </ActionForm>
    </div>
  );
}
