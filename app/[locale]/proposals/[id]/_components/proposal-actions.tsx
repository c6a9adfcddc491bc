import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/ui/action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { buttonClass } from "@/components/ui/button-class";
import { Card } from "@/components/ui/card";
import { TextArea } from "@/components/ui/field";
import type { Actor } from "@/lib/auth/actor";
import type { Locale, ProposalStatus } from "@/lib/generated/prisma/enums";
import { isOpenForCosponsors, proposalAbilities } from "@/lib/proposals/policy";
import { answerField, PROPOSAL_LIMITS } from "@/lib/proposals/schemas";
import { Link } from "@/i18n/navigation";
import { locales, type AppLocale } from "@/i18n/routing";
import {
  answerProposalAction,
  cosponsorProposalAction,
  incorporateProposalAction,
  startProposalReviewAction,
  submitProposalAction,
  withdrawCosponsorshipAction,
  withdrawProposalAction,
  type ProposalDone,
} from "@/app/[locale]/proposals/actions";

/** What the buttons need to know about the proposal (the proposal page's data fits). */
export type ProposalActionsTarget = {
  id: string;
  status: ProposalStatus;
  organizationId: string;
  language: Locale;
  /** The co-sponsoring organizations (at least their ids). */
  cosponsors: readonly { id: string }[];
};

const DONE: readonly ProposalDone[] = [
  "saved",
  "submitted",
  "withdrawn",
  "cosponsored",
  "uncosponsored",
  "reviewStarted",
  "accepted",
  "notRetained",
  "incorporated",
];

function Section({ title, hint, children }: { title: string; hint?: string; children: ReactNode }) {
  return (
    <Card className="space-y-3">
      <h3 className="text-lg font-semibold text-slate-950">{title}</h3>
      {hint ? <p className="text-sm text-slate-800">{hint}</p> : null}
      {children}
    </Card>
  );
}

/**
 * The buttons the actor may use on a proposal, and nothing else: each one is a real form that
 * posts to a server action (so it works without JavaScript); the command checks the rights
 * again. `done` is the page's ?done= value after an action, shown as a notice.
 */
export async function ProposalActions({
  proposal,
  actor,
  locale,
  done,
}: {
  proposal: ProposalActionsTarget;
  actor: Actor | null;
  locale: AppLocale;
  done?: string | string[];
}) {
  const [t, tc] = await Promise.all([getTranslations("proposals"), getTranslations("common")]);
  const can = proposalAbilities(actor, proposal);
  const notice = typeof done === "string" && (DONE as readonly string[]).includes(done) ? (done as ProposalDone) : null;
  const cosponsoring = new Set(proposal.cosponsors.map((c) => c.id));
  // Each of the actor's organizations that may co-sponsor (verified, not the author) or already does.
  const cosponsorOrgs = isOpenForCosponsors(proposal.status)
    ? (actor?.memberships ?? []).filter(
        (m) => m.organizationId !== proposal.organizationId && (can.cosponsorAs.includes(m.organizationId) || cosponsoring.has(m.organizationId)),
      )
    : [];
  const hidden = (
    <>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="proposalId" value={proposal.id} />
    </>
  );
  const otherLanguages = locales.filter((l) => l !== proposal.language);

  const parts: ReactNode[] = [];

  if (can.edit || can.submit || can.submitBlocked) {
    parts.push(
      <Section key="submit" title={t("actions.submitHeading")} hint={can.submit ? t("actions.submitHint") : undefined}>
        {can.edit ? (
          <p>
            <Link href={`/proposals/${proposal.id}/edit`} className={buttonClass("secondary")}>
              {t("actions.edit")}
            </Link>
          </p>
        ) : null}
        {can.submit ? (
          <ActionForm action={submitProposalAction} aria-label={t("actions.submitHeading")}>
            {hidden}
            <Button pendingLabel={t("actions.working")}>{t("actions.submit")}</Button>
          </ActionForm>
        ) : null}
        {can.submitBlocked ? <Alert tone="warning">{t("actions.submitBlocked")}</Alert> : null}
      </Section>,
    );
  }

  if (can.startReview) {
    parts.push(
      <Section key="review" title={t("actions.reviewHeading")} hint={t("actions.startReviewHint")}>
        <ActionForm action={startProposalReviewAction} aria-label={t("actions.startReview")}>
          {hidden}
          <Button pendingLabel={t("actions.working")}>{t("actions.startReview")}</Button>
        </ActionForm>
      </Section>,
    );
  }

  if (can.answer) {
    parts.push(
      <Section key="answer" title={t("actions.answerHeading")} hint={t("actions.answerHint")}>
        <ActionForm action={answerProposalAction} aria-label={t("actions.answerHeading")}>
          {hidden}
          <div lang={proposal.language}>
            <TextArea
              name={answerField(proposal.language)}
              label={t("actions.answerRequired", { language: tc(`languages.${proposal.language}`) })}
              required
              requiredLabel={tc("requiredField")}
              maxLength={PROPOSAL_LIMITS.answer}
              rows={6}
            />
          </div>
          <details className="rounded-md border border-slate-300 p-3">
            <summary className="cursor-pointer font-medium text-blue-800 underline">{t("actions.otherLanguages")}</summary>
            <div className="mt-3 space-y-4">
              {otherLanguages.map((l) => (
                <div key={l} lang={l}>
                  <TextArea
                    name={answerField(l)}
                    label={t("actions.answerOptional", { language: tc(`languages.${l}`) })}
                    maxLength={PROPOSAL_LIMITS.answer}
                    rows={4}
                  />
                </div>
              ))}
            </div>
          </details>
          <div className="flex flex-wrap gap-3">
            <Button name="decision" value="accept" pendingLabel={t("actions.working")}>
              {t("actions.accept")}
            </Button>
            <Button name="decision" value="notRetain" variant="secondary" pendingLabel={t("actions.working")}>
              {t("actions.notRetain")}
            </Button>
          </div>
        </ActionForm>
      </Section>,
    );
  }

  if (can.incorporate) {
    parts.push(
      <Section key="incorporate" title={t("actions.incorporateHeading")} hint={t("actions.incorporateHint")}>
        <ActionForm action={incorporateProposalAction} aria-label={t("actions.incorporateHeading")}>
          {hidden}
          <TextArea
            name="incorporatedNote"
            label={t("actions.incorporatedNote")}
            required
            requiredLabel={tc("requiredField")}
            maxLength={PROPOSAL_LIMITS.incorporatedNote}
            rows={3}
          />
          <Button pendingLabel={t("actions.working")}>{t("actions.incorporate")}</Button>
        </ActionForm>
      </Section>,
    );
  }

  if (can.conflicted) {
    parts.push(
      <Alert key="conflict" tone="info">
        {t("actions.conflictOfInterest")}
      </Alert>,
    );
  }

  if (cosponsorOrgs.length > 0) {
    parts.push(
      <Section key="cosponsor" title={t("actions.cosponsorHeading")} hint={t("actions.cosponsorHint")}>
        <ul className="space-y-3">
          {cosponsorOrgs.map((m) =>
            cosponsoring.has(m.organizationId) ? (
              <li key={m.organizationId} className="space-y-2">
                <p className="text-slate-900">{t("actions.cosponsoring", { organizationName: m.organizationName })}</p>
                <ActionForm action={withdrawCosponsorshipAction} aria-label={t("actions.uncosponsor", { organizationName: m.organizationName })}>
                  {hidden}
                  <input type="hidden" name="organizationId" value={m.organizationId} />
                  <Button variant="secondary" pendingLabel={t("actions.working")}>
                    {t("actions.uncosponsor", { organizationName: m.organizationName })}
                  </Button>
                </ActionForm>
              </li>
            ) : (
              <li key={m.organizationId}>
                <ActionForm action={cosponsorProposalAction} aria-label={t("actions.cosponsor", { organizationName: m.organizationName })}>
                  {hidden}
                  <input type="hidden" name="organizationId" value={m.organizationId} />
                  <Button pendingLabel={t("actions.working")}>{t("actions.cosponsor", { organizationName: m.organizationName })}</Button>
                </ActionForm>
              </li>
            ),
          )}
        </ul>
      </Section>,
    );
  }

  if (can.withdraw) {
    parts.push(
      <Section key="withdraw" title={t("actions.withdrawHeading")} hint={t("actions.withdrawHint")}>
        <ActionForm action={withdrawProposalAction} aria-label={t("actions.withdrawHeading")}>
          {hidden}
          <Button variant="danger" pendingLabel={t("actions.working")}>
            {t("actions.withdraw")}
          </Button>
        </ActionForm>
      </Section>,
    );
  }

  if (!notice && parts.length === 0) return null;
  return (
    <div className="space-y-4">
      {notice ? <Alert tone="success" live>{t(`done.${notice}`)}</Alert> : null}
      {parts}
    </div>
  );
}
