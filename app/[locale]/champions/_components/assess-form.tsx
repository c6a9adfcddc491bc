import { getTranslations } from "next-intl/server";
import { INCLUSION_RUNGS } from "@/components/champions/labels";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, TextArea } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { locales, type AppLocale } from "@/i18n/routing";
import type { AssessingOrganization } from "@/lib/champions/commitment-queries";
import { COMMITMENT_STATUS_ORDER } from "@/lib/champions/queries";
import { CHAMPION_LIMITS, RIGHTS_CENTRED } from "@/lib/champions/schemas";
import { assessCommitmentAction } from "../actions";

const LINK_ROWS = 3;

/**
 * Civil society's assessment, point by point as the page compares it. With several
 * organizations the member picks which one signs; with one, its current assessment fills the form.
 */
export async function AssessForm({ commitmentId, kind, locale, organizations }: { commitmentId: string; kind: "initiative" | "recommendation"; locale: AppLocale; organizations: AssessingOrganization[] }) {
  const [t, tc] = await Promise.all([getTranslations("champions"), getTranslations("common")]);
  if (organizations.length === 0) return null;
  const current = organizations.length === 1 ? organizations[0].current : null;
  return (
    <Card className="space-y-4">
      <h3 className="text-lg font-semibold">{current ? t("assess.reviseHeading") : t("assess.heading")}</h3>
      <p className="text-slate-800">{t("assess.hint")}</p>
      <ActionForm action={assessCommitmentAction} aria-label={t("assess.heading")}>
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="commitmentId" value={commitmentId} />
        <input type="hidden" name="kind" value={kind} />
        {organizations.length > 1 ? (
          <Select
            name="organizationId"
            label={t("assess.organization")}
            required
            requiredLabel={tc("requiredField")}
            placeholder={t("assess.chooseOrganization")}
            options={organizations.map((o) => ({ value: o.organizationId, label: o.organizationName }))}
          />
        ) : (
          <>
            <input type="hidden" name="organizationId" value={organizations[0].organizationId} />
            <p className="text-slate-900">{t("assess.signedAs", { organization: organizations[0].organizationName })}</p>
          </>
        )}
        <Select name="language" label={t("assess.language")} defaultValue={current?.language ?? locale} options={locales.map((l) => ({ value: l, label: tc(`languages.${l}`) }))} />
        <fieldset className="space-y-3 rounded-md border border-slate-300 p-3">
          <legend className="px-1 font-semibold">{t("points.progress")}</legend>
          <Select name="progress" label={t("assess.progress")} required requiredLabel={tc("requiredField")} defaultValue={current?.progress} placeholder={t("assess.choose")} options={COMMITMENT_STATUS_ORDER.map((s) => ({ value: s, label: t(`statuses.${s}`) }))} />
          <TextArea name="progressNote" label={t("assess.note")} defaultValue={current?.progressNote ?? undefined} maxLength={CHAMPION_LIMITS.note} rows={3} />
        </fieldset>
        <fieldset className="space-y-3 rounded-md border border-slate-300 p-3">
          <legend className="px-1 font-semibold">{t("points.inclusion")}</legend>
          <Select
            name="inclusion"
            label={t("assess.inclusion")}
            hint={t("assess.inclusionHint")}
            required
            requiredLabel={tc("requiredField")}
            defaultValue={current?.inclusion}
            placeholder={t("assess.choose")}
            options={INCLUSION_RUNGS.map((level, i) => ({ value: level, label: `${i + 1}. ${t(`inclusion.${level}`)}` }))}
          />
          <TextArea name="inclusionNote" label={t("assess.note")} defaultValue={current?.inclusionNote ?? undefined} maxLength={CHAMPION_LIMITS.note} rows={3} />
        </fieldset>
        <fieldset className="space-y-3 rounded-md border border-slate-300 p-3">
          <legend className="px-1 font-semibold">{t("points.rights")}</legend>
          <Select name="rightsCentred" label={t("assess.rights")} required requiredLabel={tc("requiredField")} defaultValue={current?.rightsCentred} placeholder={t("assess.choose")} options={RIGHTS_CENTRED.map((r) => ({ value: r, label: t(`rights.${r}`) }))} />
          <TextArea name="rightsNote" label={t("assess.rightsNote")} required requiredLabel={tc("requiredField")} defaultValue={current?.rightsNote} maxLength={CHAMPION_LIMITS.note} rows={3} />
        </fieldset>
        <fieldset className="space-y-3 rounded-md border border-slate-300 p-3">
          <legend className="px-1 font-semibold">{t("points.evidence")}</legend>
          <TextArea name="evidence" label={t("assess.evidence")} defaultValue={current?.evidence ?? undefined} maxLength={CHAMPION_LIMITS.evidence} rows={4} />
          {Array.from({ length: LINK_ROWS }, (_, i) => (
            <div key={i} className="grid gap-3 sm:grid-cols-2">
              <Field name={`links.${i}.url`} label={t("assess.linkUrl", { number: i + 1 })} type="url" inputMode="url" defaultValue={current?.links[i]?.url} maxLength={CHAMPION_LIMITS.url} />
              <Field name={`links.${i}.title`} label={t("assess.linkTitle", { number: i + 1 })} defaultValue={current?.links[i]?.title} maxLength={CHAMPION_LIMITS.sourceTitle} />
            </div>
          ))}
        </fieldset>
        <Button pendingLabel={t("working")}>{current ? t("assess.revise") : t("assess.submit")}</Button>
      </ActionForm>
    </Card>
  );
}
