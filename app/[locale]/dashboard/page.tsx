import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { PendingVerificationNotice } from "@/components/organizations/pending-verification";
import { ProposalStatusBadge } from "@/components/proposals/status-badge";
import { NominationStatusBadge } from "@/components/nominations/status-badge";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox-group";
import { Link } from "@/i18n/navigation";
import { resolvePageLocale } from "@/i18n/page-locale";
import { requireSignedIn } from "@/lib/auth/guards";
import { getDashboard } from "@/lib/dashboard/queries";
import { canManageEvaluations } from "@/lib/evaluations/policy";
import { countFlaggedPosts } from "@/lib/moderation/queries";
import { pickLocalized } from "@/lib/i18n/localized-text";
import { withdrawMyNominationAction } from "./actions";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const locale = await resolvePageLocale(params);
  const t = await getTranslations({ locale, namespace: "dashboard" });
  return { title: t("title"), robots: { index: false } };
}

const statusTone = { PENDING: "warning", VERIFIED: "success", REJECTED: "danger", SUSPENDED: "danger" } as const;
const linkClass = "font-medium text-blue-800 underline";

/** The signed-in user's home: organizations, roles, committee term, invitations and tasks. */
export default async function DashboardPage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = await resolvePageLocale(params);
  const actor = await requireSignedIn(locale, "/dashboard");
  const t = await getTranslations("dashboard");
  const tc = await getTranslations("common");
  const format = await getFormatter();
  const [data, flaggedPosts, tm, tf] = await Promise.all([getDashboard(actor), countFlaggedPosts(actor), getTranslations("moderation"), getTranslations("follows")]);
  const day = (date: Date) => format.dateTime(date, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  const hasOrganizations = data.memberships.length > 0;
  const hasSiteRole = data.siteRoles.isStaff || data.siteRoles.isAdmin;
  // Staff work from their queues; registering an organization is for participants.
  const showRegister = !hasOrganizations && !data.siteRoles.isStaff;

  return (
    <>
      <PageHeader title={t("title")} lead={t("greeting", { name: actor.name })} />
      {data.staffQueues ? (
        <section aria-labelledby="queues-title" className="mb-6">
          <h2 id="queues-title" className="mb-3 text-xl font-semibold text-slate-950">
            {t("queues.heading")}
          </h2>
          <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            {data.staffQueues.map((q) => (
              <li key={q.key} className="min-w-0 rounded-lg border border-slate-300 bg-white p-4 shadow-sm">
                <p className="text-3xl font-bold text-blue-900">{format.number(q.count)}</p>
                <p className="mt-1 text-slate-900">{t(`queues.${q.key}.label`)}</p>
                <Link href={q.href} className={linkClass}>
                  {t(`queues.${q.key}.link`)}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {data.ownPendingOrganizations.length ? (
        <div className="mb-6">
          <PendingVerificationNotice organizations={data.ownPendingOrganizations} />
        </div>
      ) : null}
      {/* min-w-0 on every grid child: a long name or a wide control must not widen the page on a phone. */}
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <Card>
            <h2 className="mb-4 text-xl font-semibold text-slate-950">{t("organizations.heading")}</h2>
            {hasOrganizations ? (
              // A list rather than a table: it wraps on a 360 px phone instead of scrolling sideways.
              <ul className="divide-y divide-slate-200" aria-label={t("organizations.caption")}>
                {data.memberships.map((m) => (
                  <li key={m.organizationId} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2 first:pt-0 last:pb-0">
                    <Link href={`/organizations/${m.organizationSlug}`} className={`${linkClass} min-w-0 [overflow-wrap:anywhere]`}>
                      {m.organizationName}
                    </Link>
                    <span className="text-sm text-slate-800">
                      {t("organizations.role")}: {t(`organizations.roles.${m.role}`)}
                    </span>
                    <Badge tone={statusTone[m.organizationStatus]}>{t(`organizations.statuses.${m.organizationStatus}`)}</Badge>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-slate-800">{t("organizations.empty")}</p>
            )}
          </Card>

          {data.invitations.length > 0 ? (
            <Card>
              <h2 className="mb-2 text-xl font-semibold text-slate-950">{t("invitations.heading")}</h2>
              <p className="mb-4 text-slate-800">{t("invitations.intro")}</p>
              <ul className="space-y-3">
                {data.invitations.map((inv) => (
                  <li key={inv.id} className="rounded-md border border-slate-300 p-3">
                    <p className="text-slate-900">
                      {t(inv.role === "ADMIN" ? "invitations.asAdmin" : "invitations.asMember", { organization: inv.organization.name })}
                    </p>
                    <p className="text-sm text-slate-700">
                      {t("invitations.expires", { date: format.dateTime(inv.expiresAt, "short") })}
                    </p>
                  </li>
                ))}
              </ul>
            </Card>
          ) : null}

          {data.nominations.length > 0 ? (
            <Card>
              <h2 className="mb-2 text-xl font-semibold text-slate-950">{t("nominations.heading")}</h2>
              <p className="mb-4 text-slate-800">{t("nominations.intro")}</p>
              <ul className="space-y-4">
                {data.nominations.map((n) => {
                  const title = pickLocalized(n.session.title, locale);
                  return (
                    <li key={n.id} className="space-y-2 rounded-md border border-slate-300 p-3">
                      <p className="text-slate-900">
                        {t("nominations.as", { role: tc(`speakerRoles.${n.role}`) })}{" "}
                        <Link href={`/sessions/${n.session.id}`} className={linkClass} lang={title?.lang}>
                          {title?.text ?? t("sessions.untitled")}
                        </Link>
                      </p>
                      <div className="flex flex-wrap items-center gap-2 text-sm text-slate-800">
                        <NominationStatusBadge status={n.status} />
                        <span>{format.dateTime(n.session.startsAt, { dateStyle: "long", timeStyle: "short", timeZone: n.session.timeZone })}</span>
                      </div>
                      {n.status === "INVITED" ? <p className="text-sm text-slate-800">{t("nominations.answerByEmail")}</p> : null}
                      {n.canWithdraw ? (
                        <details>
                          <summary className="cursor-pointer font-medium text-blue-800 underline">{t("nominations.withdraw")}</summary>
                          <ActionForm action={withdrawMyNominationAction} aria-label={t("nominations.withdraw")} className="mt-3 space-y-3">
                            <input type="hidden" name="nominationId" value={n.id} />
                            <p className="text-sm text-slate-800">{t("nominations.withdrawHint")}</p>
                            <Checkbox name="optOut" label={t("nominations.optOut")} />
                            <Button variant="danger">{t("nominations.withdrawSubmit")}</Button>
                          </ActionForm>
                        </details>
                      ) : null}
                    </li>
                  );
                })}
              </ul>
            </Card>
          ) : null}
        </div>

        <div className="min-w-0 space-y-6">
          {data.staffQueues ? null : (
            <Card>
              <h2 className="mb-3 text-xl font-semibold text-slate-950">{t("tasks.heading")}</h2>
              {showRegister ? (
                <>
                  <p className="text-slate-900">{t("tasks.joinHint")}</p>
                  <Link href="/organizations/new" className={linkClass}>
                    {t("organizations.register")}
                  </Link>
                </>
              ) : (
                <p className="text-slate-800">{t("tasks.none")}</p>
              )}
            </Card>
          )}

          {flaggedPosts !== null ? (
            <Card>
              <h2 className="mb-3 text-xl font-semibold text-slate-950">{tm("dashboard.heading")}</h2>
              <p className="text-slate-900">{tm("dashboard.hint", { count: flaggedPosts })}</p>
              <Link href="/dashboard/moderation" className={linkClass}>
                {tm("dashboard.link")}
              </Link>
            </Card>
          ) : null}

          <Card>
            <h2 className="mb-3 text-xl font-semibold text-slate-950">{t("account.heading")}</h2>
            <p className="text-slate-900">{t("account.hint")}</p>
            <Link href="/account" className={linkClass}>
              {t("account.link")}
            </Link>
          </Card>

          <Card>
            <h2 className="mb-3 text-xl font-semibold text-slate-950">{t("proposals.heading")}</h2>
            {data.proposals.length ? (
              <ul className="space-y-3">
                {data.proposals.map((p) => (
                  <li key={p.id} className="space-y-1">
                    <Link href={`/proposals/${p.id}`} className={`${linkClass} [overflow-wrap:anywhere]`} lang={p.language}>
                      {p.title}
                    </Link>
                    <div className="flex flex-wrap items-center gap-2 text-sm text-slate-800">
                      <ProposalStatusBadge status={p.status} />
                      <span>{p.organization.name}</span>
                    </div>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-slate-800">{t("proposals.none")}</p>
            )}
            <ul className="mt-4 space-y-1">
              {data.writesProposals ? (
                <li>
                  <Link href="/proposals/new" className={linkClass}>
                    {t("proposals.write")}
                  </Link>
                </li>
              ) : null}
              {data.reviewsProposals ? (
                <li>
                  <Link href="/dashboard/proposals" className={linkClass}>
                    {t("proposals.desk")}
                  </Link>
                </li>
              ) : null}
              <li>
                <Link href="/dashboard/notifications" className={linkClass}>
                  {t("proposals.notifications")}
                </Link>
              </li>
              <li>
                <Link href="/dashboard/following" className={linkClass}>
                  {tf("dashboardLink")}
                </Link>
              </li>
            </ul>
          </Card>

          <Card>
            <h2 className="mb-3 text-xl font-semibold text-slate-950">{t("sessions.heading")}</h2>
            {data.registrations.length ? (
              <ul className="space-y-3">
                {data.registrations.map((session) => {
                  const title = pickLocalized(session.title, locale);
                  return (
                    <li key={session.id} className="space-y-1">
                      <Link href={`/sessions/${session.id}`} className={linkClass} lang={title?.lang}>
                        {title?.text ?? t("sessions.untitled")}
                      </Link>
                      <p className="text-sm text-slate-800">
                        {format.dateTime(session.startsAt, { dateStyle: "long", timeStyle: "short", timeZone: session.timeZone })}
                      </p>
                    </li>
                  );
                })}
              </ul>
            ) : (
              <p className="text-slate-800">{t("sessions.none")}</p>
            )}
            <ul className="mt-4 space-y-1">
              <li>
                <Link href="/sessions" className={linkClass}>
                  {t("sessions.browse")}
                </Link>
              </li>
              {data.seesCommitteeWorkspace ? (
                <li>
                  <Link href="/dashboard/committee" className={linkClass}>
                    {t("sessions.committee")}
                  </Link>
                </li>
              ) : null}
              {data.managesSessions ? (
                <li>
                  <Link href="/dashboard/sessions" className={linkClass}>
                    {t("sessions.desk")}
                  </Link>
                </li>
              ) : null}
              {data.managesSessions ? (
                <li>
                  <Link href="/dashboard/report" className={linkClass}>
                    {t("sessions.reportDesk")}
                  </Link>
                </li>
              ) : null}
              {canManageEvaluations(actor) ? (
                <li>
                  <Link href="/dashboard/evaluations" className={linkClass}>
                    {t("sessions.evaluations")}
                  </Link>
                </li>
              ) : null}
            </ul>
          </Card>

          {hasSiteRole ? (
            <Card>
              <h2 className="mb-3 text-xl font-semibold text-slate-950">{t("siteRoles.heading")}</h2>
              <ul className="list-disc space-y-1 pl-5 text-slate-900">
                {data.siteRoles.isAdmin ? <li>{t("siteRoles.admin")}</li> : null}
                {data.siteRoles.isStaff ? <li>{t("siteRoles.staff")}</li> : null}
              </ul>
              <p className="mt-3">
                <Link href="/admin" className={linkClass}>
                  {t("siteRoles.adminLink")}
                </Link>
              </p>
            </Card>
          ) : null}

          {data.committeeTerms.length > 0 ? (
            <Card>
              <h2 className="mb-3 text-xl font-semibold text-slate-950">{t("committee.heading")}</h2>
              <ul className="space-y-3">
                {data.committeeTerms.map((term) => (
                  <li key={term.id} className="space-y-1 text-slate-900">
                    <p>
                      {term.isCurrent
                        ? t("committee.current", { date: day(term.endsOn) })
                        : t("committee.upcoming", { start: day(term.startsOn), end: day(term.endsOn) })}
                    </p>
                    {term.isChair ? <p>{t("committee.chair")}</p> : null}
                    {term.organization ? <p>{t("committee.represents", { organization: term.organization.name })}</p> : null}
                  </li>
                ))}
              </ul>
            </Card>
          ) : null}
        </div>
      </div>
    </>
  );
}
