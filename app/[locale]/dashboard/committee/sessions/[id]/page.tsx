import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { BalancePanel } from "@/components/nominations/balance-panel";
import { NominateForms } from "./_components/nominate-forms";
import { NominationCard } from "./_components/nomination-card";
import { DoneNotice } from "./_components/notice";
import { SessionFacts, SessionTitle } from "@/components/nominations/session-overview";
import { ActionForm } from "@/components/ui/action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
import { requireSignedIn } from "@/lib/auth/guards";
import { pickLocalized } from "@/lib/i18n/localized-text";
import { searchMembers, sessionWorkspace } from "@/lib/nominations/queries";
import { parseMemberQuery, SELECTION_MODES, SPEAKER_ROLES } from "@/lib/nominations/schemas";
import { Link } from "@/i18n/navigation";
import { resolvePageLocale } from "@/i18n/page-locale";
import { confirmSlateAction, setSelectionModeAction } from "../../actions";

type Params = Promise<{ locale: string; id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const locale = await resolvePageLocale(params);
  const t = await getTranslations({ locale, namespace: "nominations.session" });
  return { title: t("metaTitle"), robots: { index: false } };
}

/**
 * One session's workspace for the committee and staff: nominate (with the member search), the
 * nominations by role with endorsements, votes and recusals, selecting with the balance in view,
 * the selection mode (chair or staff), and the staff's confirmation of the slate.
 */
export default async function CommitteeSessionPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const locale = await resolvePageLocale(params);
  const { id } = await params;
  const query = await searchParams;
  const actor = await requireSignedIn(locale, `/dashboard/committee/sessions/${id}`);
  const workspace = await sessionWorkspace(actor, id);
  if (!workspace) notFound();
  const { session } = workspace;
  const q = parseMemberQuery(query.q);
  const typed = typeof query.q === "string" ? query.q : null;
  const results = session.can.nominate && q ? await searchMembers(actor, q) : null;
  const badQuery = !q && typed !== null && typed.trim() !== "";
  const [t, tc] = await Promise.all([getTranslations("nominations"), getTranslations("common")]);
  const title = pickLocalized(session.title, locale)?.text ?? "";

  return (
    <>
      <p className="mb-4">
        <Link href="/dashboard/committee" className="text-blue-800 underline underline-offset-2">
          {t("session.back")}
        </Link>
      </p>
      <div className="mb-6 border-b border-slate-300 pb-4">
        <p className="text-sm font-medium uppercase tracking-wide text-slate-700">{t("session.kicker")}</p>
        <h1 className="text-2xl font-bold text-slate-950 sm:text-3xl">
          <SessionTitle session={session} locale={locale} />
        </h1>
        <p className="mt-2">
          <Link href={`/sessions/${session.id}`} className="text-blue-800 underline underline-offset-2">
            {t("session.publicPage")}
          </Link>
        </p>
      </div>

      <DoneNotice done={query.done} />
      {!session.can.open ? (
        <div className="mb-6">
          <Alert tone="info">{t("session.readOnly")}</Alert>
        </div>
      ) : null}

      <div className="mb-8 grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="facts-heading" className="space-y-3 rounded-lg border border-slate-300 bg-white p-4">
          <h2 id="facts-heading" className="text-lg font-semibold text-slate-950">
            {t("session.factsHeading")}
          </h2>
          <SessionFacts session={session} locale={locale} />
          {session.selectionMode === "CHAIR" && !session.chairAvailable ? <p className="text-sm text-slate-800">{t("session.noChair")}</p> : null}
          {session.can.setMode ? (
            <ActionForm action={setSelectionModeAction} aria-label={t("session.modeLabel")} className="space-y-3 border-t border-slate-200 pt-3">
              <input type="hidden" name="locale" value={locale} />
              <input type="hidden" name="sessionId" value={session.id} />
              <Select
                name="mode"
                label={t("session.mode")}
                hint={t("session.modeHint")}
                options={SELECTION_MODES.map((m) => ({ value: m, label: tc(`selectionModes.${m}`) }))}
                defaultValue={session.selectionMode}
              />
              <Button variant="secondary" pendingLabel={t("working")}>
                {t("session.modeSubmit")}
              </Button>
            </ActionForm>
          ) : null}
        </section>
        <BalancePanel balance={session.balance} pool={session.pool} id="balance-heading" />
      </div>

      {session.can.confirm ? (
        <section aria-labelledby="confirm-heading" className="mb-8 space-y-3 rounded-lg border border-blue-700 bg-blue-50 p-5">
          <h2 id="confirm-heading" className="text-lg font-semibold text-slate-950">
            {t("confirm.heading")}
          </h2>
          <p className="text-slate-900">{t("confirm.lead")}</p>
          <ul className="list-disc space-y-1 pl-5 text-slate-900">
            <li>{t("confirm.effectSelected")}</li>
            <li>{t("confirm.effectNotSelected")}</li>
            <li>{t("confirm.effectExpired")}</li>
            <li>{t("confirm.effectPublic")}</li>
          </ul>
          {session.balance.warnings.length ? <Alert tone="warning">{t("confirm.imbalance")}</Alert> : null}
          <ActionForm action={confirmSlateAction} aria-label={t("confirm.heading")}>
            <input type="hidden" name="locale" value={locale} />
            <input type="hidden" name="sessionId" value={session.id} />
            <Button pendingLabel={t("working")}>{t("confirm.submit", { title })}</Button>
          </ActionForm>
        </section>
      ) : null}

      <section aria-labelledby="nominations-heading" className="mb-10 space-y-8">
        <h2 id="nominations-heading" className="text-xl font-semibold text-slate-950">
          {t("session.nominationsHeading")}
        </h2>
        {session.nominations.length === 0 ? <p className="text-slate-800">{t("workspace.noNominations")}</p> : null}
        {SPEAKER_ROLES.map((role) => {
          const list = session.nominations.filter((n) => n.role === role);
          if (list.length === 0) return null;
          return (
            <section key={role} aria-labelledby={`role-${role}`} className="space-y-4">
              <h3 id={`role-${role}`} className="text-lg font-semibold text-slate-950">
                {t("session.roleHeading", { role: tc(`speakerRoles.${role}`), filled: session.seats[role].filled, total: session.seats[role].total })}
              </h3>
              <div className="space-y-4">
                {list.map((n) => (
                  <NominationCard key={n.id} nomination={n} locale={locale} />
                ))}
              </div>
            </section>
          );
        })}
      </section>

      {session.can.nominate ? (
        <NominateForms session={session} locale={locale} query={typed} results={results} badQuery={badQuery} />
      ) : session.can.open && workspace.isCommitteeMember ? (
        <p className="text-slate-800">{t("session.nominationsClosed")}</p>
      ) : null}
    </>
  );
}
