import { getFormatter, getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button-class";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Link } from "@/i18n/navigation";
import { resolvePageLocale } from "@/i18n/page-locale";
import { PublicLogList } from "@/components/transparency/public-log-list";
import { ProposalStatusBadge } from "@/components/proposals/status-badge";
import { SessionCard } from "@/components/sessions/session-card";
import { getHomeSharedContent } from "@/lib/home/queries";
import { countryName } from "@/lib/i18n/countries";

export default async function HomePage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = await resolvePageLocale(params);
  const t = await getTranslations("home");
  const format = await getFormatter();
  const [{ figures, activity, decisions, championUpdates }, tch, tm] = await Promise.all([getHomeSharedContent(locale), getTranslations("champions"), getTranslations("monitoringPublic")]);
  const stats = [
    { label: t("figures.organizations"), value: figures.organizations },
    { label: t("figures.countries"), value: figures.countries },
    { label: t("figures.committee"), value: figures.committeeMembers },
  ];
  return (
    <div className="space-y-10">
      <section aria-labelledby="home-title" className="rounded-xl bg-blue-900 px-6 py-10 text-white sm:px-10">
        <h1 id="home-title" className="max-w-3xl text-3xl font-bold sm:text-4xl">
          {t("title")}
        </h1>
        <p className="mt-4 max-w-3xl text-lg text-blue-50">{t("lead")}</p>
        <div className="mt-6 flex flex-wrap gap-3">
          <Link href="/organizations/new" className={buttonClass("secondary") + " no-underline"}>
            {t("registerOrganization")}
          </Link>
          <Link href="/transparency" className="inline-flex min-h-11 items-center font-semibold text-white underline">
            {t("seeDecisions")}
          </Link>
        </div>
      </section>

      <section aria-labelledby="figures-title">
        <h2 id="figures-title" className="sr-only">
          {t("figures.title")}
        </h2>
        <ul className="grid gap-4 sm:grid-cols-3">
          {stats.map((s) => (
            <li key={s.label} className="rounded-lg border border-slate-300 bg-white p-5">
              <p className="text-3xl font-bold text-blue-900">{format.number(s.value)}</p>
              <p className="mt-1 text-slate-800">{s.label}</p>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="how-title" className="grid gap-4 md:grid-cols-3">
        <h2 id="how-title" className="sr-only">
          {t("how.title")}
        </h2>
        {(["committee", "proposals", "report"] as const).map((key) => (
          <Card key={key}>
            <h3 className="text-lg font-semibold">{t(`how.${key}.title`)}</h3>
            <p className="mt-2 text-slate-800">{t(`how.${key}.body`)}</p>
          </Card>
        ))}
      </section>

      {/* What is happening, one section per capability; champion-country updates and dialogue questions slot in here. */}
      <div className="grid gap-6 md:grid-cols-2">
        <section aria-labelledby="next-session-title" className="min-w-0">
          <h2 id="next-session-title" className="mb-3 text-xl font-semibold">
            {t("nextSession")}
          </h2>
          {activity.nextSession ? (
            <ul>
              <SessionCard session={activity.nextSession} locale={locale} />
            </ul>
          ) : (
            <EmptyState title={t("noSessionYet")} />
          )}
          <p className="mt-3">
            <Link href="/sessions">{t("allSessions")}</Link>
          </p>
        </section>
        <section aria-labelledby="latest-proposals-title" className="min-w-0">
          <h2 id="latest-proposals-title" className="mb-3 text-xl font-semibold">
            {t("latestProposals")}
          </h2>
          {activity.proposals.length ? (
            <ul className="space-y-3">
              {activity.proposals.map((p) => (
                <li key={p.id} className="space-y-1 rounded-lg border border-slate-300 bg-white p-4">
                  <Link href={`/proposals/${p.id}`} className="font-semibold text-blue-900 [overflow-wrap:anywhere]" lang={p.language}>
                    {p.title}
                  </Link>
                  <div className="flex flex-wrap items-center gap-2 text-sm text-slate-800">
                    <ProposalStatusBadge status={p.status} />
                    <span>{p.organization.name}</span>
                    {p.submittedAt ? (
                      <time dateTime={p.submittedAt.toISOString()}>
                        {format.dateTime(p.submittedAt, { day: "numeric", month: "long", year: "numeric" })}
                      </time>
                    ) : null}
                  </div>
                </li>
              ))}
            </ul>
          ) : (
            <EmptyState title={t("noProposalsYet")} />
          )}
          <p className="mt-3">
            <Link href="/proposals">{t("allProposals")}</Link>
          </p>
        </section>
      </div>

      <section aria-labelledby="champions-title">
        <h2 id="champions-title" className="mb-3 text-xl font-semibold">
          {tch("title")}
        </h2>
        <p className="mb-3 max-w-3xl text-slate-800">{tch("lead")}</p>
        {championUpdates.length ? (
          <ul className="space-y-3">
            {championUpdates.map((e) => (
              <li key={e.id} className="space-y-1 rounded-lg border border-slate-300 bg-white p-4">
                <Link href={`/champions/initiatives/${e.commitmentId}`} className="font-semibold text-blue-900 [overflow-wrap:anywhere]" lang={e.commitmentTitleLanguage ?? undefined}>
                  {e.commitmentTitle || tch("untitled")}
                </Link>
                <p className="text-sm text-slate-800">
                  {e.country ? `${countryName(e.country, locale)} · ` : null}
                  {e.kind === "update" ? tch("entry.update") : tch("entry.initiative")}
                </p>
              </li>
            ))}
          </ul>
        ) : (
          <EmptyState title={tch("noUpdates")} />
        )}
        <p className="mt-3">
          <Link href="/champions">{tch("back")}</Link>
        </p>
      </section>

      <section aria-labelledby="monitoring-title">
        <h2 id="monitoring-title" className="mb-3 text-xl font-semibold">
          {tm("home.heading")}
        </h2>
        <p className="mb-3 max-w-3xl text-slate-800">{tm("home.body")}</p>
        <p className="flex flex-wrap items-center gap-4">
          <Link href="/monitoring/report" className={buttonClass("secondary") + " no-underline"}>
            {tm("home.report")}
          </Link>
          <Link href="/monitoring">{tm("home.link")}</Link>
        </p>
      </section>

      <section aria-labelledby="decisions-title">
        <h2 id="decisions-title" className="mb-3 text-xl font-semibold">
          {t("latestDecisions")}
        </h2>
        {decisions.entries.length ? (
          <PublicLogList entries={decisions.entries} label={t("latestDecisions")} />
        ) : (
          <EmptyState title={t("noDecisionsYet")} />
        )}
        <p className="mt-3">
          <Link href="/transparency">{t("allDecisions")}</Link>
        </p>
      </section>
    </div>
  );
}
