import type { ReactNode } from "react";
import { getFormatter, getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/ui/action-form";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox-group";
import { TextArea } from "@/components/ui/field";
import { countryName } from "@/lib/i18n/countries";
import type { WorkspaceNomination } from "@/lib/nominations/queries";
import { NOMINATION_LIMITS } from "@/lib/nominations/schemas";
import { GENDER_NOT_STATED } from "@/lib/nominations/balance";
import { VOTES_TO_SELECT } from "@/lib/nominations/policy";
import type { AppLocale } from "@/i18n/routing";
import {
  endorseAction,
  inviteAction,
  removeEndorsementAction,
  selectAction,
  unselectAction,
  withdrawAction,
} from "@/app/[locale]/dashboard/committee/actions";
import { balanceWarningTexts } from "@/components/nominations/balance-panel";
import { NominationStatusBadge } from "@/components/nominations/status-badge";

function Detail({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="sm:grid sm:grid-cols-3 sm:gap-3">
      <dt className="font-medium text-slate-900">{term}</dt>
      <dd className="text-slate-900 sm:col-span-2">{children}</dd>
    </div>
  );
}

/**
 * One nomination on the committee's page: everything the committee and staff may know about it
 * (email, gender, rationale included: this page is theirs only), its endorsements and votes,
 * the recusal that explains a missing button, and exactly the buttons the actor may use, each a
 * real form posting to a server action (the command checks everything again).
 */
export async function NominationCard({ nomination: n, locale }: { nomination: WorkspaceNomination; locale: AppLocale }) {
  const [t, tc, format] = await Promise.all([getTranslations("nominations"), getTranslations("common"), getFormatter()]);
  const headingId = `nomination-${n.id}-name`;
  const hidden = (
    <>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="nominationId" value={n.id} />
    </>
  );
  const selectWarnings = n.balanceIfSelected ? await balanceWarningTexts(n.balanceIfSelected.warnings, true) : [];
  const twoMembers = n.mode === "TWO_MEMBERS";
  const when = (date: Date) => format.dateTime(date, "long");
  const publishes = [
    n.publishName && t("card.publishName"),
    n.publishOrganization && t("card.publishOrganization"),
    n.publishBio && t("card.publishBio"),
  ].filter((x): x is string => !!x);
  const answered = ["ACCEPTED", "SELECTED", "NOT_SELECTED"].includes(n.status) || (n.status === "WITHDRAWN" && !!n.respondedAt);

  return (
    <article id={`nomination-${n.id}`} aria-labelledby={headingId} className="scroll-mt-4 space-y-4 rounded-lg border border-slate-300 bg-white p-5 shadow-sm">
      <div className="flex flex-wrap items-center gap-2">
        <h4 id={headingId} className="text-lg font-semibold text-slate-950">
          {n.nomineeName}
        </h4>
        <NominationStatusBadge status={n.status} />
        <Badge tone="neutral">{n.firstTime ? t("card.firstTime") : t("card.returning")}</Badge>
      </div>

      <dl className="space-y-2">
        <Detail term={t("card.organization")}>
          {n.organizationName ?? "—"} <span className="text-slate-700">({n.isMember ? t("card.member") : t("card.noAccount")})</span>
        </Detail>
        <Detail term={t("card.country")}>{countryName(n.country, locale)}</Detail>
        <Detail term={t("card.email")}>
          <a href={`mailto:${n.nomineeEmail}`} className="break-all text-blue-800 underline">
            {n.nomineeEmail}
          </a>
        </Detail>
        <Detail term={t("card.gender")}>
          {n.genderDescription
            ? t("card.genderWithDescription", { gender: t(`genders.${n.gender ?? GENDER_NOT_STATED}`), description: n.genderDescription })
            : t(`genders.${n.gender ?? GENDER_NOT_STATED}`)}
        </Detail>
        <Detail term={t("card.languages")}>{n.languages.map((l) => tc(`languages.${l}`)).join(", ")}</Detail>
        <Detail term={t("card.nominated")}>
          {n.nominatedByName ? t("card.nominatedBy", { name: n.nominatedByName, date: when(n.createdAt) }) : when(n.createdAt)}
        </Detail>
        {n.status === "INVITED" && n.invitationExpiresAt ? (
          <Detail term={t("card.invitation")}>{t("card.invitationUntil", { date: when(n.invitationExpiresAt) })}</Detail>
        ) : null}
        {n.status === "EXPIRED" && n.invitationExpiresAt ? (
          <Detail term={t("card.invitation")}>{t("card.invitationExpired", { date: when(n.invitationExpiresAt) })}</Detail>
        ) : null}
        {answered && n.respondedAt ? <Detail term={t("card.answered")}>{when(n.respondedAt)}</Detail> : null}
        {answered ? (
          <Detail term={t("card.publishes")}>{publishes.length ? publishes.join(", ") : t("card.publishesNothing")}</Detail>
        ) : null}
        {answered && n.bio ? (
          <Detail term={t("card.bio")}>
            <p className="whitespace-pre-line">{n.bio}</p>
          </Detail>
        ) : null}
        {n.withdrawnAt ? <Detail term={t("card.withdrawnOn")}>{when(n.withdrawnAt)}</Detail> : null}
      </dl>

      <div>
        <p className="font-medium text-slate-900">{t("card.rationale")}</p>
        <p className="whitespace-pre-line text-slate-900">{n.rationale}</p>
      </div>

      <p className="text-slate-900">
        {n.endorsements.length
          ? t("card.endorsedBy", { count: n.endorsements.length, names: n.endorsements.map((e) => e.name).join(", ") })
          : t("card.noEndorsements")}
      </p>

      {n.status === "SELECTED" ? (
        <div className="rounded-md border border-green-700 bg-green-50 p-3 text-green-950">
          <p>{t("card.selectedBy", { names: (n.votes.length >= VOTES_TO_SELECT ? n.votes.map((v) => v.name) : [n.selectedByName ?? "—"]).join(", ") })}</p>
          {n.selectionRationale ? <p className="mt-1 whitespace-pre-line">{n.selectionRationale}</p> : null}
        </div>
      ) : null}

      {twoMembers && n.status === "ACCEPTED" ? (
        <div>
          <p className="text-slate-900">{t("card.votes", { count: n.votes.length, needed: VOTES_TO_SELECT })}</p>
          {n.votes.length ? (
            <ul className="mt-1 list-disc pl-5 text-slate-900">
              {n.votes.map((v) => (
                <li key={v.userId}>{t("card.vote", { name: v.name, rationale: v.rationale })}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}

      {n.can.recused ? (
        <Alert tone="info" title={t("card.recusedTitle")}>
          {t("card.recused")}
        </Alert>
      ) : null}
      {n.can.ownNomination && n.can.status !== "WITHDRAWN" ? <p className="text-sm text-slate-800">{t("card.ownNomination")}</p> : null}
      {n.can.voted ? <p className="text-sm text-slate-800">{t("card.youVoted")}</p> : null}

      <div className="flex flex-wrap items-start gap-3">
        {n.can.endorse ? (
          <ActionForm action={endorseAction} aria-label={t("card.endorseLabel", { name: n.nomineeName })} className="space-y-2">
            {hidden}
            <Button variant="secondary" pendingLabel={t("working")}>
              {t("card.endorse")}
            </Button>
          </ActionForm>
        ) : null}
        {n.can.removeEndorsement ? (
          <ActionForm action={removeEndorsementAction} aria-label={t("card.removeEndorsementLabel", { name: n.nomineeName })} className="space-y-2">
            {hidden}
            <Button variant="secondary" pendingLabel={t("working")}>
              {t("card.removeEndorsement")}
            </Button>
          </ActionForm>
        ) : null}
        {n.can.invite ? (
          <ActionForm action={inviteAction} aria-label={t("card.inviteLabel", { name: n.nomineeName })} className="space-y-2">
            {hidden}
            <Button variant="secondary" pendingLabel={t("working")}>
              {n.status === "EXPIRED" ? t("card.reinvite") : t("card.invite")}
            </Button>
          </ActionForm>
        ) : null}
        {n.can.unselect ? (
          <ActionForm action={unselectAction} aria-label={t("card.unselectLabel", { name: n.nomineeName })} className="space-y-2">
            {hidden}
            <Button variant="secondary" pendingLabel={t("working")}>
              {t("card.unselect")}
            </Button>
          </ActionForm>
        ) : null}
      </div>

      {n.can.select ? (
        <ActionForm
          action={selectAction}
          aria-label={twoMembers ? t("card.voteLabel", { name: n.nomineeName }) : t("card.selectLabel", { name: n.nomineeName })}
          className="space-y-4 rounded-md border border-slate-300 bg-slate-50 p-4"
        >
          {hidden}
          <TextArea
            name="rationale"
            label={t("card.selectionRationale")}
            hint={t("card.selectionRationaleHint")}
            required
            requiredLabel={tc("requiredField")}
            maxLength={NOMINATION_LIMITS.selectionRationale}
            rows={3}
          />
          {selectWarnings.length ? (
            <div className="space-y-3">
              <Alert tone="warning" title={t("card.imbalanceTitle")}>
                <ul className="list-disc space-y-1 pl-5">
                  {selectWarnings.map((w) => (
                    <li key={w}>{w}</li>
                  ))}
                </ul>
              </Alert>
              <Checkbox name="acknowledgeImbalance" label={t("card.acknowledgeImbalance")} />
              <TextArea
                name="balanceReason"
                label={t("card.balanceReason")}
                hint={t("card.balanceReasonHint")}
                required
                requiredLabel={tc("requiredField")}
                maxLength={NOMINATION_LIMITS.balanceReason}
                rows={2}
              />
            </div>
          ) : null}
          <Button pendingLabel={t("working")}>{twoMembers ? t("card.voteButton") : t("card.select")}</Button>
        </ActionForm>
      ) : null}

      {n.can.withdraw ? (
        <details className="rounded-md border border-slate-300 p-3">
          <summary className="cursor-pointer font-medium text-blue-800 underline">{t("card.withdrawSummary")}</summary>
          <ActionForm action={withdrawAction} aria-label={t("card.withdrawLabel", { name: n.nomineeName })} className="mt-3 space-y-3">
            {hidden}
            <p className="text-slate-900">{t("card.withdrawHint")}</p>
            <Button variant="danger" pendingLabel={t("working")}>
              {t("card.withdraw")}
            </Button>
          </ActionForm>
        </details>
      ) : null}
    </article>
  );
}
