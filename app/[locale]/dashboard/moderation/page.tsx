import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { DismissForm, HideForm, UnhideForm } from "@/components/moderation/forms";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Link } from "@/i18n/navigation";
import { resolvePageLocale } from "@/i18n/page-locale";
import { requireSignedIn } from "@/lib/auth/guards";
import { canModerate } from "@/lib/moderation/policy";
import { getModerationQueue, listHiddenForModerators } from "@/lib/moderation/queries";
import { MODERATION_REASONS } from "@/lib/moderation/schemas";
import { dismissFlagsAction, hidePostAction, unhidePostAction } from "../../moderation/actions";
import { DoneNotice } from "../../moderation/_components/done-notice";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const linkClass = "font-medium text-blue-800 underline underline-offset-2";

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await resolvePageLocale(params);
  const t = await getTranslations({ locale, namespace: "moderation" });
  return { title: t("queue.title"), robots: { index: false } };
}

/** The moderators' queue: posts with open flags (counts per reason, notes, excerpt), to hide or dismiss; and the hidden posts. */
export default async function ModerationQueuePage({ params, searchParams }: Props) {
  const locale = await resolvePageLocale(params);
  const actor = await requireSignedIn(locale, "/dashboard/moderation");
  if (!canModerate(actor)) notFound();
  const [queue, hidden, t, format] = await Promise.all([
    getModerationQueue(actor),
    listHiddenForModerators(actor),
    getTranslations("moderation"),
    getFormatter(),
  ]);
  if (!queue || !hidden) notFound();

  return (
    <>
      <PageHeader
        title={t("queue.title")}
        lead={t("queue.lead")}
        actions={
          <Link href="/transparency/moderation" className={linkClass}>
            {t("queue.transparencyLink")}
          </Link>
        }
      />
      <div className="max-w-4xl space-y-8">
        <DoneNotice done={(await searchParams).done} />
        {queue.length === 0 ? (
          <EmptyState title={t("queue.empty")} />
        ) : (
          <ol className="space-y-6" aria-label={t("queue.listLabel")}>
            {queue.map((item, index) => {
              const headingId = `flagged-${index}`;
              return (
                <li key={`${item.kind}:${item.post.id}`} className="min-w-0 space-y-3 rounded-lg border border-slate-300 bg-white p-4">
                  <h2 id={headingId} className="text-lg font-semibold text-slate-950">
                    {t(`kinds.${item.kind}`)} · {t("queue.flags", { count: item.total })}
                  </h2>
                  <p className="text-sm text-slate-700">
                    {t("queue.firstFlagged", { date: format.dateTime(item.firstFlaggedAt, "short") })} ·{" "}
                    {item.post.isPublic ? t("queue.publicPage") : t("queue.privatePage")}
                  </p>
                  <div>
                    <p className="text-sm font-medium text-slate-800">{t("queue.excerpt")}</p>
                    <blockquote className="mt-1 border-l-4 border-slate-300 pl-3 whitespace-pre-wrap break-words text-slate-900">{item.post.excerpt}</blockquote>
                  </div>
                  <p>
                    <Link href={item.post.href} className={linkClass}>
                      {t("flag.where")}
                    </Link>
                  </p>
                  <div>
                    <p className="text-sm font-medium text-slate-800">{t("queue.counts")}</p>
                    <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-slate-900">
                      {MODERATION_REASONS.filter((r) => item.counts[r] > 0).map((r) => (
                        <li key={r}>
                          {t(`reasons.${r}`)}: <strong>{format.number(item.counts[r])}</strong>
                        </li>
                      ))}
                    </ul>
                  </div>
                  {item.notes.length > 0 ? (
                    <div>
                      <p className="text-sm font-medium text-slate-800">{t("queue.notes")}</p>
                      <ul className="mt-1 list-disc space-y-1 pl-5 text-slate-900">
                        {item.notes.map((n, i) => (
                          <li key={i} className="whitespace-pre-wrap break-words">
                            {t(`reasons.${n.reason}`)}: {n.note}
                          </li>
                        ))}
                      </ul>
                    </div>
                  ) : null}
                  <div className="space-y-4 border-t border-slate-200 pt-3">
                    {item.post.hidden ? null : (
                      <HideForm action={hidePostAction} kind={item.kind} postId={item.post.id} locale={locale} back="queue" folded={t("moderate.hideSummary")} />
                    )}
                    <DismissForm action={dismissFlagsAction} kind={item.kind} postId={item.post.id} locale={locale} back="queue" />
                  </div>
                </li>
              );
            })}
          </ol>
        )}

        <section aria-labelledby="hidden-heading" className="space-y-3">
          <h2 id="hidden-heading" className="text-xl font-semibold text-slate-950">
            {t("queue.hiddenHeading")}
          </h2>
          {hidden.length === 0 ? (
            <p className="text-slate-800">{t("queue.hiddenEmpty")}</p>
          ) : (
            <ul className="space-y-4">
              {hidden.map((h) => (
                <li key={`${h.kind}:${h.id}`} className="min-w-0 space-y-2 rounded-lg border border-slate-300 bg-white p-4">
                  <p className="text-slate-900">
                    <strong>{t(`kinds.${h.kind}`)}</strong> · {format.dateTime(h.hiddenAt, "short")} ·{" "}
                    {h.category ? t(`reasons.${h.category}`) : t("transparency.noCategory")}
                  </p>
                  <p className="whitespace-pre-wrap break-words text-slate-900">{h.reason}</p>
                  <Link href={h.href} className={linkClass}>
                    {t("flag.where")}
                  </Link>
                  <UnhideForm action={unhidePostAction} kind={h.kind} postId={h.id} locale={locale} back="queue" />
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}
