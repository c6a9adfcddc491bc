import { getTranslations } from "next-intl/server";
import { CheckboxGroup } from "@/components/ui/checkbox-group";
import { Field, TextArea } from "@/components/ui/field";
import { CONSULTATION_LIMITS } from "@/lib/consultations/schemas";
import { GCM_OBJECTIVES } from "@/lib/gcm/objectives";
import type { LocalizedText } from "@/lib/i18n/localized-text";
import { locales } from "@/i18n/routing";

type Values = { title?: LocalizedText; background?: LocalizedText; questions?: LocalizedText[]; languages?: string[]; objectives?: number[]; opensOn?: Date; closesOn?: Date };
const dayValue = (d?: Date) => (d ? d.toISOString().slice(0, 10) : undefined);

/**
 * Everything the owner writes: title and background in the languages they write (texts.<lang>.…),
 * up to five questions each in those languages (questions.<n>.<lang>, blank ones dropped), the
 * languages it takes contributions in, its GCM objectives and its days.
 */
export async function ConsultationFields({ values = {} }: { values?: Values }) {
  const [t, tc, tg] = await Promise.all([getTranslations("consultations.desk"), getTranslations("common"), getTranslations("gcm")]);
  const questions = Array.from({ length: CONSULTATION_LIMITS.questions }, (_, i) => values.questions?.[i] ?? {});
  return (
    <>
      <fieldset className="min-w-0 space-y-4 rounded-md border border-slate-300 p-3">
        <legend className="px-1 font-semibold">{t("textsLegend")}</legend>
        <p className="text-sm text-slate-800">{t("textsHint")}</p>
        {locales.map((l) => (
          <div key={l} className="space-y-3">
            <Field name={`texts.${l}.title`} lang={l} label={t("titleIn", { language: tc(`languages.${l}`) })} defaultValue={values.title?.[l]} maxLength={CONSULTATION_LIMITS.title} />
            <TextArea name={`texts.${l}.background`} lang={l} label={t("backgroundIn", { language: tc(`languages.${l}`) })} defaultValue={values.background?.[l]} maxLength={CONSULTATION_LIMITS.background} rows={4} />
          </div>
        ))}
      </fieldset>
      <fieldset className="min-w-0 space-y-4 rounded-md border border-slate-300 p-3">
        <legend className="px-1 font-semibold">{t("questionsLegend")}</legend>
        <p className="text-sm text-slate-800">{t("questionsHint")}</p>
        {questions.map((q, i) => (
          <fieldset key={i} className="min-w-0 space-y-3 rounded-md border border-slate-200 p-3">
            <legend className="px-1 font-medium">{t("questionNumber", { number: i + 1 })}</legend>
            {locales.map((l) => (
              <Field key={l} name={`questions.${i}.${l}`} lang={l} label={t("questionIn", { language: tc(`languages.${l}`), number: i + 1 })} defaultValue={q[l]} maxLength={CONSULTATION_LIMITS.question} />
            ))}
          </fieldset>
        ))}
      </fieldset>
      <CheckboxGroup name="languages" legend={t("languagesLegend")} hint={t("languagesHint")} defaultValue={values.languages ?? [...locales]} options={locales.map((l) => ({ value: l, label: tc(`languages.${l}`) }))} />
      <CheckboxGroup name="objectives" legend={t("objectivesLegend")} defaultValue={values.objectives?.map(String)} columns={1} options={GCM_OBJECTIVES.map((n) => ({ value: String(n), label: `${n}. ${tg(String(n))}` }))} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="opensOn" type="date" label={t("opensOn")} defaultValue={dayValue(values.opensOn)} required requiredLabel={tc("requiredField")} />
        <Field name="closesOn" type="date" label={t("closesOn")} hint={t("closesOnHint")} defaultValue={dayValue(values.closesOn)} required requiredLabel={tc("requiredField")} />
      </div>
    </>
  );
}
