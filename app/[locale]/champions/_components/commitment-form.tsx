import { randomUUID } from "node:crypto";
import { getTranslations } from "next-intl/server";
import { INCLUSION_RUNGS } from "@/components/champions/labels";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { CheckboxGroup } from "@/components/ui/checkbox-group";
import { Field, TextArea } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { locales, type AppLocale } from "@/i18n/routing";
import type { CommitmentPage } from "@/lib/champions/queries";
import { COMMITMENT_STATUS_ORDER } from "@/lib/champions/queries";
import { ADDRESSEES, CHAMPION_LIMITS } from "@/lib/champions/schemas";
import { GCM_OBJECTIVES } from "@/lib/gcm/objectives";
import { countryOptions } from "@/lib/i18n/countries";
import { createInitiativeAction, editCommitmentAction } from "../actions";

const EMPTY_ROWS = 2;
const dayValue = (d: Date | null | undefined) => (d ? d.toISOString().slice(0, 10) : undefined);

/**
 * Staff enter or edit a commitment. Rows of lists and per-language texts post as flat names
 * ("milestones.0.label", "texts.es.title") that the commands' schemas read; errors come back next
 * to those same names. Editing replaces texts, milestones and sources with what is sent.
 */
export async function CommitmentForm({
  locale,
  championCountries,
  commitment,
  texts,
}: {
  locale: AppLocale;
  championCountries: string[];
  commitment?: CommitmentPage;
  texts?: Partial<Record<AppLocale, { title: string; description: string }>>;
}) {
  const [t, tc, tg] = await Promise.all([getTranslations("champions"), getTranslations("common"), getTranslations("gcm")]);
  const editing = !!commitment;
  const milestones = [...(commitment?.milestones ?? []), ...Array.from({ length: EMPTY_ROWS }, () => null)];
  const sources = [...(commitment?.sources ?? []), ...Array.from({ length: EMPTY_ROWS }, () => null)];
  const kind = commitment?.kind === "RECOMMENDATION" ? "recommendation" : "initiative";
  return (
    <ActionForm action={editing ? editCommitmentAction : createInitiativeAction} aria-label={editing ? t("form.editTitle") : t("form.newTitle")}>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="kind" value={kind} />
      {editing ? (
        <>
          <input type="hidden" name="commitmentId" value={commitment.id} />
          <input type="hidden" name="expectedRevision" value={commitment.revision} />
        </>
      ) : (
        <input type="hidden" name="idempotencyKey" value={randomUUID()} />
      )}
      {!editing ? (
        <Select
          name="country"
          label={t("form.country")}
          required
          requiredLabel={tc("requiredField")}
          placeholder={t("form.chooseCountry")}
          options={countryOptions(locale, championCountries).map((o) => ({ ...o, value: o.value }))}
        />
      ) : null}
      {kind === "initiative" ? (
        <Field name="publicBody" label={t("form.publicBody")} required={!editing} requiredLabel={tc("requiredField")} defaultValue={commitment?.publicBody ?? undefined} maxLength={CHAMPION_LIMITS.publicBody} />
      ) : (
        <Select name="addressee" label={t("form.addressee")} defaultValue={commitment?.addressee ?? undefined} options={ADDRESSEES.map((a) => ({ value: a, label: t(`addressees.${a}`) }))} />
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <Select name="status" label={t("form.status")} defaultValue={commitment?.status ?? "ANNOUNCED"} options={COMMITMENT_STATUS_ORDER.map((s) => ({ value: s, label: t(`statuses.${s}`) }))} />
        <Select name="inclusion" label={t("form.inclusion")} defaultValue={commitment?.inclusion ?? "NOT_INCLUDED"} options={INCLUSION_RUNGS.map((r, i) => ({ value: r, label: `${i + 1}. ${t(`inclusion.${r}`)}` }))} />
      </div>
      <TextArea name="inclusionEvidence" label={t("form.inclusionEvidence")} defaultValue={commitment?.inclusionEvidence ?? undefined} maxLength={CHAMPION_LIMITS.inclusionEvidence} rows={3} />

      <fieldset className="space-y-4 rounded-md border border-slate-300 p-3">
        <legend className="px-1 font-semibold">{t("form.textsHeading")}</legend>
        {locales.map((l) => (
          <div key={l} lang={l} className="space-y-3">
            <Field name={`texts.${l}.title`} label={t("form.titleIn", { language: tc(`languages.${l}`) })} defaultValue={texts?.[l]?.title} maxLength={CHAMPION_LIMITS.title} />
            <TextArea name={`texts.${l}.description`} label={t("form.descriptionIn", { language: tc(`languages.${l}`) })} defaultValue={texts?.[l]?.description} maxLength={CHAMPION_LIMITS.description} rows={4} />
          </div>
        ))}
      </fieldset>

      <CheckboxGroup name="objectives" legend={t("form.objectives")} columns={2} defaultValue={commitment?.objectives.map(String)} options={GCM_OBJECTIVES.map((n) => ({ value: String(n), label: `${n}. ${tg(String(n))}` }))} />

      <fieldset className="space-y-4 rounded-md border border-slate-300 p-3">
        <legend className="px-1 font-semibold">{t("form.milestonesHeading")}</legend>
        {milestones.map((m, i) => (
          <div key={i} className="grid gap-3 sm:grid-cols-3">
            <Field name={`milestones.${i}.label`} label={t("form.milestoneLabel", { number: i + 1 })} defaultValue={m?.label} maxLength={CHAMPION_LIMITS.milestoneLabel} />
            <Field name={`milestones.${i}.plannedOn`} type="date" label={t("form.plannedOn", { number: i + 1 })} defaultValue={dayValue(m?.plannedOn)} />
            <Field name={`milestones.${i}.doneOn`} type="date" label={t("form.doneOn", { number: i + 1 })} defaultValue={dayValue(m?.doneOn)} />
          </div>
        ))}
      </fieldset>

      <fieldset className="space-y-4 rounded-md border border-slate-300 p-3">
        <legend className="px-1 font-semibold">{t("form.sourcesHeading")}</legend>
        {sources.map((s, i) => (
          <div key={i} className="grid gap-3 sm:grid-cols-3">
            <Field name={`sources.${i}.title`} label={t("form.sourceTitle", { number: i + 1 })} defaultValue={s?.title} maxLength={CHAMPION_LIMITS.sourceTitle} />
            <Field name={`sources.${i}.url`} type="url" inputMode="url" label={t("form.sourceUrl", { number: i + 1 })} defaultValue={s?.url} maxLength={CHAMPION_LIMITS.url} />
            <Field name={`sources.${i}.publisher`} label={t("form.sourcePublisher", { number: i + 1 })} defaultValue={s?.publisher ?? undefined} maxLength={CHAMPION_LIMITS.publisher} />
          </div>
        ))}
      </fieldset>
      <Button pendingLabel={t("working")}>{editing ? t("form.save") : t("form.create")}</Button>
    </ActionForm>
  );
}
