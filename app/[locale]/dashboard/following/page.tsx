import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/ui/action-form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { Link } from "@/i18n/navigation";
import { resolvePageLocale } from "@/i18n/page-locale";
import { requireSignedIn } from "@/lib/auth/guards";
import { listFollowing } from "@/lib/follows/queries";
import { unfollowAction } from "./actions";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const locale = await resolvePageLocale(params);
  const t = await getTranslations({ locale, namespace: "follows" });
  return { title: t("page.title"), robots: { index: false } };
}

/** What the signed-in person follows, newest first, each with its page and a button to stop. */
export default async function FollowingPage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = await resolvePageLocale(params);
  const actor = await requireSignedIn(locale, "/dashboard/following");
  const [t, format, items] = await Promise.all([getTranslations("follows"), getFormatter(), listFollowing(actor, locale)]);
  return (
    <>
      <PageHeader title={t("page.title")} lead={t("page.lead")} />
      <p className="mb-4">
        <Link href="/dashboard">{t("page.back")}</Link>
      </p>
      {items.length === 0 ? (
        <p className="text-slate-800">{t("page.empty")}</p>
      ) : (
        <ul className="space-y-3" aria-label={t("page.listLabel")}>
          {items.map((item) => {
            const name = item.title ?? t("page.unavailable");
            return (
              <li key={`${item.subject}:${item.key}`} className="flex min-w-0 flex-wrap items-center justify-between gap-3 rounded border border-slate-300 bg-white p-4">
                <div className="min-w-0 space-y-1">
                  <Badge>{t(`subjects.${item.subject}`)}</Badge>
                  <p className="[overflow-wrap:anywhere]">
                    {item.href && item.title ? (
                      <Link href={item.href} lang={item.lang ?? undefined} className="font-medium text-blue-800 underline">
                        {item.title}
                      </Link>
                    ) : (
                      <span className="text-slate-800">{name}</span>
                    )}
                  </p>
                  <p className="text-sm text-slate-700">{t("page.since", { date: format.dateTime(item.since, { dateStyle: "long" }) })}</p>
                </div>
                <ActionForm action={unfollowAction} aria-label={t("page.unfollowItem", { title: name })} className="shrink-0">
                  <input type="hidden" name="locale" value={locale} />
                  <input type="hidden" name="subject" value={item.subject} />
                  <input type="hidden" name="key" value={item.key} />
                  <input type="hidden" name="back" value="following" />
                  <Button variant="secondary" pendingLabel={t("working")} aria-label={t("page.unfollowItem", { title: name })}>
                    {t("unfollow")}
                  </Button>
                </ActionForm>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
