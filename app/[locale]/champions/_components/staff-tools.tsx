import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { buttonClass } from "@/components/ui/button-class";
import { Card } from "@/components/ui/card";
import { Field, TextArea } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { Link } from "@/i18n/navigation";
import { locales, type AppLocale } from "@/i18n/routing";
import type { AssessmentView } from "@/lib/champions/queries";
import { COMMITMENT_STATUS_ORDER } from "@/lib/champions/queries";
import { CHAMPION_LIMITS } from "@/lib/champions/schemas";
import { hideAssessmentAction, postCommitmentUpdateAction, unhideAssessmentAction } from "../actions";

type Target = { commitmentId: string; kind: "initiative" | "recommendation"; locale: AppLocale };

function Hidden({ commitmentId, kind, locale }: Target) {
  return (
    <>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="commitmentId" value={commitmentId} />
      <input type="hidden" name="kind" value={kind} />
    </>
  );
}

/** Staff: post a dated update (the government's or addressee's account) and edit the commitment. */
export async function StaffTools(target: Target & { editHref: string }) {
  const [t, tc] = await Promise.all([getTranslations("champions"), getTranslations("common")]);
  return (
    <Card className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-xl font-semibold">{t("staff.heading")}</h2>
        <Link href={target.editHref} className={buttonClass("secondary") + " no-underline"}>
          {t("staff.edit")}
        </Link>
      </div>
      <ActionForm action={postCommitmentUpdateAction} aria-label={t("staff.postUpdate")}>
        <Hidden {...target} />
        <h3 className="text-lg font-semibold">{t("staff.postUpdate")}</h3>
        <div className="grid gap-4 sm:grid-cols-3">
          <Field name="reportedOn" type="date" label={t("staff.reportedOn")} hint={t("staff.reportedOnHint")} required requiredLabel={tc("requiredField")} />
          <Select name="language" label={t("staff.language")} defaultValue={target.locale} options={locales.map((l) => ({ value: l, label: tc(`languages.${l}`) }))} />
          <Select name="status" label={t("staff.newStatus")} placeholder={t("staff.statusUnchanged")} options={COMMITMENT_STATUS_ORDER.map((s) => ({ value: s, label: t(`statuses.${s}`) }))} />
        </div>
        <TextArea name="body" label={t("staff.body")} required requiredLabel={tc("requiredField")} maxLength={CHAMPION_LIMITS.updateBody} rows={4} />
        <div className="grid gap-3 sm:grid-cols-2">
          <Field name="sources.0.url" type="url" inputMode="url" label={t("staff.sourceUrl")} maxLength={CHAMPION_LIMITS.url} />
          <Field name="sources.0.title" label={t("staff.sourceTitle")} maxLength={CHAMPION_LIMITS.sourceTitle} />
        </div>
        <Button pendingLabel={t("working")}>{t("staff.post")}</Button>
      </ActionForm>
    </Card>
  );
}

/** Staff, under each assessment: hide it with a public reason, or show it again. */
export async function AssessmentModeration({ assessment, ...target }: Target & { assessment: AssessmentView }) {
  const [t, tc] = await Promise.all([getTranslations("champions"), getTranslations("common")]);
  if (assessment.hidden) {
    return (
      <ActionForm action={unhideAssessmentAction} aria-label={t("hidden.unhide", { organization: assessment.organization.name })}>
        <Hidden {...target} />
        <input type="hidden" name="assessmentId" value={assessment.id} />
        <Button variant="secondary" pendingLabel={t("working")}>
          {t("hidden.unhide", { organization: assessment.organization.name })}
        </Button>
      </ActionForm>
    );
  }
  return (
    <details className="rounded-md border border-slate-300 p-3">
      <summary className="cursor-pointer font-medium text-blue-800 underline">{t("hidden.hide", { organization: assessment.organization.name })}</summary>
      <ActionForm action={hideAssessmentAction} aria-label={t("hidden.hide", { organization: assessment.organization.name })} className="mt-3 space-y-3">
        <Hidden {...target} />
        <input type="hidden" name="assessmentId" value={assessment.id} />
        <TextArea name="reason" label={t("hidden.reasonLabel")} hint={t("hidden.reasonHint")} required requiredLabel={tc("requiredField")} maxLength={CHAMPION_LIMITS.reason} rows={2} />
        <Button variant="danger" pendingLabel={t("working")}>
          {t("hidden.confirm")}
        </Button>
      </ActionForm>
    </details>
  );
}
