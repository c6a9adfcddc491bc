import { getFormatter, getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/ui/action-form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { CheckboxGroup } from "@/components/ui/checkbox-group";
import { Field, TextArea } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import type { Actor } from "@/lib/auth/actor";
import { MonitoringCategory } from "@/lib/generated/prisma/enums";
import { countryOptions } from "@/lib/i18n/countries";
import { approveSummaryRefusal, publishRefusal, withdrawRefusal, writeSummaryRefusal } from "@/lib/monitoring/policy";
import type { CaseView } from "@/lib/monitoring/review-queries";
import { REVIEW_LIMITS, RISK_QUESTIONS, riskField } from "@/lib/monitoring/review-schemas";
import { locales, type AppLocale } from "@/i18n/routing";
import { approveSummaryAction, publishSummaryAction, submitSummaryAction, withdrawSummaryAction, writeSummaryAction } from "../actions";

/** The redacted summary: its state, the form, and the step the actor may take next (submit, approve, publish, withdraw). */
export async function SummarySection({ actor, view, locale, now }: { actor: Actor; view: CaseView; locale: AppLocale; now: Date }) {
  const [t, tc, format] = await Promise.all([getTranslations("monitoringReview"), getTranslations("common"), getFormatter()]);
  const s = view.summary;
  const canWrite = writeSummaryRefusal(actor, view, s, now) === null;
  const hidden = s ? <input type="hidden" name="summaryId" value={s.id} /> : null;
  const month = s ? s.month.toISOString().slice(0, 7) : "";
  return (
    <div className="space-y-4">
      <p className="text-slate-800">{t("summary.intro")}</p>
      {s ? (
        <div className="space-y-1">
          <p>
            <Badge tone={s.status === "PUBLISHED" ? "success" : "neutral"}>{t(`summary.statusNames.${s.status}`)}</Badge>{" "}
            {s.status === "AWAITING_APPROVAL" && s.approvedAt ? <Badge tone="info">{t("summary.approvedPending")}</Badge> : null}
          </p>
          {s.writer ? <p className="text-sm text-slate-700">{t("summary.writer", { name: s.writer.name })}</p> : null}
          {s.approver && s.approvedAt ? <p className="text-sm text-slate-700">{t("summary.approver", { name: s.approver.name, date: format.dateTime(s.approvedAt, "short") })}</p> : null}
        </div>
      ) : null}
      {!view.consentPublish ? <p className="font-medium text-amber-900">{t("summary.noConsent")}</p> : null}
      {view.status !== "VERIFIED" && view.status !== "REFERRED" ? <p className="text-slate-800">{t("summary.onlyVerified")}</p> : null}
      {canWrite ? (
        <ActionForm action={writeSummaryAction} successMessage={t("done")} aria-label={t("summary.heading")}>
          <input type="hidden" name="reportId" value={view.id} />
          <Field name="title" label={t("summary.titleLabel")} required requiredLabel={tc("requiredField")} maxLength={REVIEW_LIMITS.title} defaultValue={s?.title} />
          <TextArea name="body" label={t("summary.bodyLabel")} hint={t("summary.bodyHint")} required requiredLabel={tc("requiredField")} rows={6} maxLength={REVIEW_LIMITS.body} defaultValue={s?.body} />
          <Select name="country" label={t("summary.countryLabel")} required requiredLabel={tc("requiredField")} options={countryOptions(locale)} defaultValue={s?.country ?? view.country} />
          <Field name="region" label={t("summary.regionLabel")} hint={t("summary.regionHint")} maxLength={REVIEW_LIMITS.region} defaultValue={s?.region ?? undefined} />
          <Field name="month" type="month" label={t("summary.monthLabel")} hint={t("summary.monthHint")} required requiredLabel={tc("requiredField")} defaultValue={month} />
          <CheckboxGroup name="categories" legend={t("summary.categoriesLabel")} options={Object.values(MonitoringCategory).map((c) => ({ value: c, label: t(`categoryNames.${c}`) }))} defaultValue={s?.categories ?? view.categories} />
          <Select name="language" label={t("summary.languageLabel")} required requiredLabel={tc("requiredField")} options={locales.map((l) => ({ value: l, label: t(`languageNames.${l}`) }))} defaultValue={s?.language ?? locale} />
          <fieldset className="space-y-3">
            <legend className="font-medium text-slate-900">{t("summary.riskHeading")}</legend>
            <p className="text-sm text-slate-700">{t("summary.riskHint")}</p>
            {RISK_QUESTIONS.map((q) => {
              const answer = s?.riskChecklist[q];
              return (
                <fieldset key={q} className="flex flex-wrap items-center gap-4">
                  <legend className="mb-1 text-slate-900">{t(`summary.risk.${q}`)}</legend>
                  <label className="flex items-center gap-2">
                    <input type="radio" name={riskField(q)} value="yes" required defaultChecked={answer === true} /> {t("yes")}
                  </label>
                  <label className="flex items-center gap-2">
                    <input type="radio" name={riskField(q)} value="no" required defaultChecked={answer === false} /> {t("no")}
                  </label>
                </fieldset>
              );
            })}
          </fieldset>
          <p className="text-sm text-slate-700">{t("summary.saveNote")}</p>
          <Button pendingLabel={t("working")}>{t("summary.save")}</Button>
        </ActionForm>
      ) : null}
      {s && s.status === "DRAFT" && canWrite ? (
        <ActionForm action={submitSummaryAction} successMessage={t("done")}>
          {hidden}
          <Button variant="secondary" pendingLabel={t("working")}>{t("summary.submit")}</Button>
        </ActionForm>
      ) : null}
      {s && s.status === "AWAITING_APPROVAL" && s.writerId === actor.userId ? <p className="text-slate-800">{t("summary.ownSummary")}</p> : null}
      {s && approveSummaryRefusal(actor, s) === null ? (
        <ActionForm action={approveSummaryAction} successMessage={t("done")}>
          {hidden}
          <Button pendingLabel={t("working")}>{t("summary.approve")}</Button>
        </ActionForm>
      ) : null}
      {s && publishRefusal(actor, s, view) === null ? (
        <ActionForm action={publishSummaryAction} successMessage={t("done")}>
          {hidden}
          <Button pendingLabel={t("working")}>{t("summary.publish")}</Button>
        </ActionForm>
      ) : null}
      {s && withdrawRefusal(s) === null ? (
        <ActionForm action={withdrawSummaryAction} successMessage={t("done")} aria-label={t("summary.withdraw")}>
          {hidden}
          <TextArea name="reason" label={t("summary.reasonLabel")} required requiredLabel={tc("requiredField")} rows={2} maxLength={REVIEW_LIMITS.reason} />
          <Button variant="secondary" pendingLabel={t("working")}>{t("summary.withdraw")}</Button>
        </ActionForm>
      ) : null}
    </div>
  );
}
