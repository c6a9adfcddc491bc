import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SessionCard } from "@/components/sessions/session-card";
import { buttonClass } from "@/components/ui/button-class";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Link } from "@/i18n/navigation";
import { resolvePageLocale } from "@/i18n/page-locale";
import { getCurrentActor } from "@/lib/auth/session";
import { canManageSessions } from "@/lib/sessions/policy";
import { listPublicSessions } from "@/lib/sessions/queries";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const locale = await resolvePageLocale(params);
  const t = await getTranslations({ locale, namespace: "sessions" });
  return {
    title: t("list.title"),
    description: t("list.lead"),
    alternates: {
      types: {
        "text/calendar": `/${locale}/sessions/calendar.ics`,
        "application/atom+xml": [{ url: `/${locale}/sessions/feed.xml`, title: t("feedTitle") }],
      },
    },
  };
}

/** The review sessions: those ahead (soonest first) and those past (latest first), a page of each at a time. */
export default async function SessionsPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const locale = await resolvePageLocale(params);
  const { page: rawPage } = await searchParams;
  const [t, actor, list] = await Promise.all([getTranslations("sessions"), getCurrentActor(), listPublicSessions(new Date(), Array.isArray(rawPage) ? rawPage[0] : rawPage)]);
  const { upcoming, past, page, pageCount } = list;
  // Past the first page a list that has run out is left out rather than called empty; a page
  // beyond both (an old link) shows both lists empty, with the way back below.
  const beyondBoth = upcoming.length === 0 && past.length === 0;
  const showUpcoming = page === 1 || beyondBoth || upcoming.length > 0;
  const showPast = page === 1 || beyondBoth || past.length > 0;

  return (
    <>
      <PageHeader
        title={t("list.title")}
        lead={t("list.lead")}
        actions={
          <>
            <a href={`/${locale}/sessions/calendar.ics`} className={buttonClass("secondary") + " no-underline"}>
              {t("list.subscribe")}
            </a>
            {canManageSessions(actor) ? (
              <Link href="/dashboard/sessions" className={buttonClass("secondary") + " no-underline"}>
                {t("list.staffDesk")}
              </Link>
            ) : null}
          </>
        }
      />
      <p className="mb-8 text-slate-800">
        {t("list.subscribeHint")}{" "}
        <a href={`/${locale}/sessions/feed.xml`} type="application/atom+xml">
          {t("feedLink")}
        </a>
      </p>

      {showUpcoming ? (
        <section aria-labelledby="upcoming-heading" className="mb-10">
          <h2 id="upcoming-heading" className="mb-4 text-xl font-semibold text-slate-950">
            {t("list.upcoming")}
          </h2>
          {upcoming.length === 0 ? (
            <EmptyState title={t("list.noUpcoming")} />
          ) : (
            <ul className="space-y-4" aria-labelledby="upcoming-heading">
              {upcoming.map((s) => (
                <SessionCard key={s.id} session={s} locale={locale} />
              ))}
            </ul>
          )}
        </section>
      ) : null}

      {showPast ? (
        <section aria-labelledby="past-heading">
          <h2 id="past-heading" className="mb-4 text-xl font-semibold text-slate-950">
            {t("list.past")}
          </h2>
          {past.length === 0 ? (
            <EmptyState title={t("list.noPast")} />
          ) : (
            <ul className="space-y-4" aria-labelledby="past-heading">
              {past.map((s) => (
                <SessionCard key={s.id} session={s} locale={locale} />
              ))}
            </ul>
          )}
        </section>
      ) : null}
      <Pagination page={page} pageCount={pageCount} pathname="/sessions" />
    </>
  );
}
