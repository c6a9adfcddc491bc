import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { ReasonRadios } from "@/components/moderation/reason-radios";
import { DismissForm, HideForm, UnhideForm } from "@/components/moderation/forms";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TextArea } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Alert } from "@/components/ui/alert";
import { Link } from "@/i18n/navigation";
import { resolvePageLocale } from "@/i18n/page-locale";
import { getCurrentActor } from "@/lib/auth/session";
import { signInPath } from "@/lib/auth/guards";
import { getFlagPage } from "@/lib/moderation/queries";
import { MODERATION_LIMITS, MODERATION_REASONS } from "@/lib/moderation/schemas";
import { kindFromSlug, kindSlug } from "@/lib/moderation/targets";
import { dismissFlagsAction, flagPostAction, hidePostAction, unhidePostAction } from "../../../actions";
import { DoneNotice } from "../../../_components/done-notice";

type Props = {
  params: Promise<{ locale: string; kind: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const linkClass = "font-medium text-blue-800 underline underline-offset-2";

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await resolvePageLocale(params);
  const t = await getTranslations({ locale, namespace: "moderation" });
  return { title: t("flag.title"), robots: { index: false } };
}

/**
 * Flag one post for the moderators: reason radios, an optional note, a submit button; no
 * JavaScript needed. Moderators also find here the forms to hide it, show it again or dismiss
 * its flags.
 */
export default async function FlagPostPage({ params, searchParams }: Props) {
  const locale = await resolvePageLocale(params);
  const { kind: slug, id } = await params;
  const kind = kindFromSlug(slug);
  if (!kind || !UUID.test(id)) notFound();
  const actor = await getCurrentActor();
  const data = await getFlagPage(actor, kind, id);
  if (!data) notFound();
  const [t, tc, format] = await Promise.all([getTranslations("moderation"), getTranslations("common"), getFormatter()]);
  const { post, openFlags } = data;
  const path = `/moderation/flag/${kindSlug(kind)}/${id}`;

  let flagArea;
  if (data.refusal === "signIn") {
    flagArea = (
      <p>
        <a href={signInPath(locale, path)} className={linkClass}>
          {t("flag.signIn")}
        </a>
      </p>
    );
  } else if (data.refusal) {
    const key = data.refusal.key === "moderation.ownPost" ? "ownPost" : data.refusal.key === "moderation.alreadyHidden" ? "alreadyHidden" : null;
    flagArea = key ? <Alert>{t(`flag.${key}`)}</Alert> : null;
  } else if (data.alreadyFlagged) {
    flagArea = <Alert>{t("flag.alreadyFlagged")}</Alert>;
  } else {
    flagArea = (
      <ActionForm action={flagPostAction} aria-label={t("flag.title")}>
        <input type="hidden" name="kind" value={kind} />
        <input type="hidden" name="postId" value={id} />
        <input type="hidden" name="locale" value={locale} />
        <ReasonRadios name="category" legend={t("flag.category")} requiredLabel={tc("requiredField")} options={MODERATION_REASONS.map((r) => ({ value: r, label: t(`reasons.${r}`) }))} />
        <TextArea name="note" label={t("flag.note")} hint={t("flag.noteHint", { max: MODERATION_LIMITS.note })} maxLength={MODERATION_LIMITS.note} rows={3} />
        <Button pendingLabel={t("flag.pending")}>{t("flag.submit")}</Button>
      </ActionForm>
    );
  }

  return (
    <>
      <PageHeader title={t("flag.title")} lead={t("flag.lead")} />
      <div className="max-w-3xl space-y-6">
        <DoneNotice done={(await searchParams).done} />
        <Card>
          <h2 className="text-lg font-semibold text-slate-950">{t("flag.post")}</h2>
          <p className="mt-1 text-sm text-slate-700">
            {t(`kinds.${kind}`)} · {t("flag.posted", { date: format.dateTime(post.createdAt, "long") })}
          </p>
          {post.excerpt !== null ? (
            <blockquote className="mt-3 border-l-4 border-slate-300 pl-3 whitespace-pre-wrap break-words text-slate-900">{post.excerpt}</blockquote>
          ) : null}
          {post.hidden ? (
            <p className="mt-3 whitespace-pre-wrap break-words rounded-md bg-slate-100 p-3 text-slate-900">{t("hidden.notice", { reason: post.hidden.reason })}</p>
          ) : null}
          <p className="mt-3">
            <Link href={post.href} className={linkClass}>
              {t("flag.where")}
            </Link>
          </p>
        </Card>
        {flagArea}
        {data.canModerate ? (
          <Card>
            <h2 className="mb-3 text-lg font-semibold text-slate-950">{t("moderate.heading")}</h2>
            <p className="mb-3 text-slate-800">{t("queue.flags", { count: openFlags })}</p>
            <div className="space-y-6">
              {post.hidden ? (
                <UnhideForm action={unhidePostAction} kind={kind} postId={id} locale={locale} back="flag" />
              ) : (
                <HideForm action={hidePostAction} kind={kind} postId={id} locale={locale} back="flag" />
              )}
              {openFlags > 0 ? <DismissForm action={dismissFlagsAction} kind={kind} postId={id} locale={locale} back="flag" /> : null}
            </div>
          </Card>
        ) : null}
      </div>
    </>
  );
}
