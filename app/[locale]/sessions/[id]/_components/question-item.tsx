import { getFormatter, getTranslations } from "next-intl/server";
import { VoiceFields } from "@/components/dialogue/voice-fields";
import { FlagLink, HiddenNotice } from "@/components/moderation/flag-link";
import { ActionForm } from "@/components/ui/action-form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Link } from "@/i18n/navigation";
import type { AppLocale } from "@/i18n/routing";
import type { QuestionAction } from "@/lib/session-questions/schemas";
import { QUESTION_LIMITS } from "@/lib/session-questions/schemas";
import type { AskerLabel, SessionQuestionItem } from "@/lib/session-questions/queries";
import { countryName } from "@/lib/i18n/countries";
import type { SessionQuestionState } from "@/lib/generated/prisma/enums";
import { moveQuestionAction, supportQuestionAction, withdrawSupportAction } from "./question-actions";

const STATE_TONE: Record<SessionQuestionState, "neutral" | "info" | "success" | "warning"> = {
  OPEN: "neutral",
  TAKEN_UP: "info",
  ANSWERED: "success",
  SET_ASIDE: "warning",
};

/** Who asked, in the reader's language: never a name (policy: showsAskerOrganization); a pseudonym's organization only if the member chose. */
export async function askerText(asker: AskerLabel, locale: AppLocale): Promise<string> {
  const t = await getTranslations("sessionQuestions");
  if (asker.kind === "organization") return t("asker.organization", { organization: asker.organizationName, country: countryName(asker.country, locale) });
  if (asker.kind === "pseudonym") {
    return asker.organization ? t("asker.pseudonymNamed", { pseudonym: asker.pseudonym, organization: asker.organization.name }) : t("asker.pseudonym", { pseudonym: asker.pseudonym });
  }
  return t(`asker.${asker.kind}`);
}

/** Who asked, on the page: askerText, with an organization a pseudonymous asker chose to name linked to its public page. */
async function AskerLine({ asker, locale }: { asker: AskerLabel; locale: AppLocale }) {
  if (asker.kind !== "pseudonym" || !asker.organization) return <>{await askerText(asker, locale)}</>;
  const t = await getTranslations("sessionQuestions");
  const organization = asker.organization;
  return <>{t.rich("asker.pseudonymNamedLink", { pseudonym: asker.pseudonym, organization: organization.name, org: (name) => <Link href={`/organizations/${organization.slug}`}>{name}</Link> })}</>;
}

/** One question: its text, state, supports, and the forms the reader may use on it. */
export async function QuestionItem({
  question,
  locale,
  canSupport,
  canWithdraw,
  canFlag,
  voiceOrganizations,
  moderatorActions,
}: {
  question: SessionQuestionItem;
  locale: AppLocale;
  canSupport: boolean;
  /** The reader supports it and may still take that back. */
  canWithdraw: boolean;
  /** Signed in: the "Flag" link to the site's moderators (lib/moderation). */
  canFlag: boolean;
  /** The reader's verified organizations: with any, the support form offers a pseudonym. */
  voiceOrganizations: { value: string; label: string }[];
  /** The moderator's actions from this state; empty for everyone else. */
  moderatorActions: QuestionAction[];
}) {
  const [t, tc, format] = await Promise.all([getTranslations("sessionQuestions"), getTranslations("common"), getFormatter()]);
  const hidden = (
    <>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="questionId" value={question.id} />
    </>
  );
  return (
    <li id={`question-${question.id}`} className="scroll-mt-4 space-y-2 rounded-lg border border-slate-300 bg-white p-4">
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone={STATE_TONE[question.state]}>{t(`states.${question.state}`)}</Badge>
        {question.drawnOn ? <Badge tone="info">{t("list.inSummary")}</Badge> : null}
        {question.mine ? <Badge>{t("list.yours")}</Badge> : null}
      </div>
      {question.hidden ? (
        <HiddenNotice reason={question.hidden.reason} at={question.hidden.at} format={(date) => format.dateTime(date, "short")} />
      ) : (
        <p className="whitespace-pre-line break-words text-slate-950" lang={question.language}>
          {question.body}
        </p>
      )}
      <p className="text-sm text-slate-700">
        {t.rich("list.byLine", { asker: () => <AskerLine asker={question.asker} locale={locale} /> })} · {t("list.askedIn", { language: tc(`languages.${question.language}`) })} ·{" "}
        {t("list.supports", { count: question.supportCount })}
      </p>
      {question.setAsideReason ? <p className="text-sm text-slate-800">{t("setAsideReason", { reason: question.setAsideReason })}</p> : null}
      {question.supportedByMe ? <p className="text-sm font-medium text-green-900">{t("list.supported")}</p> : null}
      {canFlag && !question.hidden ? <FlagLink kind="SESSION_QUESTION" postId={question.id} /> : null}
      {canSupport ? (
        <ActionForm action={supportQuestionAction} className="space-y-2">
          {hidden}
          <VoiceFields organizations={voiceOrganizations} />
          <Button variant="secondary" pendingLabel={t("working")} aria-label={t("list.supportLabel")}>
            {t("list.support")}
          </Button>
        </ActionForm>
      ) : null}
      {canWithdraw ? (
        <ActionForm action={withdrawSupportAction} className="space-y-2">
          {hidden}
          <Button variant="secondary" pendingLabel={t("working")} aria-label={t("list.withdrawLabel")}>
            {t("list.withdraw")}
          </Button>
        </ActionForm>
      ) : null}
      {moderatorActions.length ? (
        <div role="group" aria-label={t("moderate.label")} className="flex flex-wrap items-end gap-2 border-t border-slate-200 pt-2">
          {moderatorActions.map((action) => (
            <ActionForm key={action} action={moveQuestionAction} className={action === "setAside" ? "flex flex-wrap items-end gap-2" : undefined}>
              {hidden}
              <input type="hidden" name="action" value={action} />
              {action === "setAside" ? <Field name="reason" label={t("moderate.reason")} maxLength={QUESTION_LIMITS.reason} /> : null}
              <Button variant={action === "takeUp" || action === "answer" ? "primary" : "secondary"} pendingLabel={t("working")}>
                {t(`moderate.${action}`)}
              </Button>
            </ActionForm>
          ))}
        </div>
      ) : null}
    </li>
  );
}
