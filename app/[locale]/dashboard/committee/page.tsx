import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { BalancePanel } from "@/components/nominations/balance-panel";
import { SessionFacts, SessionTitle } from "@/components/nominations/session-overview";
import { NominationStatusBadge } from "@/components/nominations/status-badge";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button-class";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { requireSignedIn } from "@/lib/auth/guards";
import { pickLocalized } from "@/lib/i18n/localized-text";
import { committeeWorkspace } from "@/lib/nominations/queries";
import { Link } from "@/i18n/navigation";
import { resolvePageLocale } from "@/i18n/page-locale";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const locale = await resolvePageLocale(params);
  const t = await getTranslations({ locale, namespace: "nominations.workspace" });
  return { title: t("title"), robots: { index: false } };
}

/**
 * The Civil Society Committee's workspace (committee members and staff): each session open for
 * nominations, or whose speakers were just confirmed, with its seats, nominations, endorsements,
 * recusals, balance and deadlines. Private: nominees' data never leaves these pages.
 */
export default async function CommitteeWorkspacePage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = await resolvePageLocale(params);
  const actor = await requireSignedIn(locale, "/dashboard/committee");
  const workspace = await committeeWorkspace(actor);
  if (!workspace) notFound();
  const [t, tc] = await Promise.all([getTranslations("nominations"), getTranslations("common")]);

  return (
    <>
      <PageHeader title={t("workspace.title")} lead={t("workspace.lead")} />
      {!workspace.isCommitteeMember ? <p className="mb-6 max-w-3xl text-slate-800">{t("workspace.staffNote")}</p> : null}
      <p className="mb-6 max-w-3xl text-sm text-slate-800">{t("workspace.privacy")}</p>

      {workspace.sessions.length === 0 ? (
        <EmptyState title={t("workspace.empty")}>
          <p>{t("workspace.emptyHint")}</p>
        </EmptyState>
      ) : (
        <div className="space-y-10">
          {workspace.sessions.map((session) => (
            <section key={session.id} aria-labelledby={`session-${session.id}`} className="space-y-5 rounded-lg border border-slate-300 bg-slate-50 p-5">
              <h2 id={`session-${session.id}`} className="text-xl font-semibold text-slate-950">
                <Link href={`/dashboard/committee/sessions/${session.id}`} className="text-blue-800 underline underline-offset-2">
                  <SessionTitle session={session} locale={locale} />
                </Link>
              </h2>
              <SessionFacts session={session} locale={locale} />

              {session.nominations.length === 0 ? (
                <p className="text-slate-800">{t("workspace.noNominations")}</p>
              ) : (
                <Table
                  caption={t("workspace.tableCaption", { title: pickLocalized(session.title, locale)?.text ?? "" })}
                  head={[t("workspace.columns.nominee"), t("workspace.columns.role"), t("workspace.columns.state"), t("workspace.columns.endorsements"), t("workspace.columns.notes")]}
                >
                  {session.nominations.map((n) => (
                    <tr key={n.id}>
                      <Td>
                        <Link href={`/dashboard/committee/sessions/${session.id}#nomination-${n.id}`} className="font-medium text-blue-800 underline underline-offset-2">
                          {n.nomineeName}
                        </Link>
                        {n.organizationName ? <span className="block text-sm text-slate-700">{n.organizationName}</span> : null}
                      </Td>
                      <Td>{tc(`speakerRoles.${n.role}`)}</Td>
                      <Td>
                        <NominationStatusBadge status={n.status} />
                      </Td>
                      <Td>
                        {n.endorsements.length ? t("workspace.endorsements", { count: n.endorsements.length, names: n.endorsements.map((e) => e.name).join(", ") }) : "0"}
                      </Td>
                      <Td>
                        {n.can.recused ? (
                          <>
                            <Badge tone="warning">{t("workspace.recusedBadge")}</Badge>
                            <span className="mt-1 block text-sm text-slate-800">{t("card.recused")}</span>
                          </>
                        ) : n.can.ownNomination ? (
                          <span className="text-sm text-slate-800">{t("workspace.yours")}</span>
                        ) : null}
                      </Td>
                    </tr>
                  ))}
                </Table>
              )}

              <BalancePanel balance={session.balance} pool={session.pool} headingLevel={3} id={`balance-${session.id}`} />

              <p>
                <Link href={`/dashboard/committee/sessions/${session.id}`} className={buttonClass("primary")}>
                  {session.can.open ? t("workspace.open") : t("workspace.openReadOnly")}
                  <span className="sr-only">
                    {" — "}
                    <SessionTitle session={session} locale={locale} />
                  </span>
                </Link>
              </p>
            </section>
          ))}
        </div>
      )}
    </>
  );
}
