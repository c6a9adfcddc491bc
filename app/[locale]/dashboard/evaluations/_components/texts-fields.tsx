import { getTranslations } from "next-intl/server";
import { Field, TextArea } from "@/components/ui/field";
import type { LocalizedText } from "@/lib/i18n/localized-text";
import { EVALUATION_LIMITS } from "@/lib/evaluations/schemas";
import { locales } from "@/i18n/routing";

/** An evaluation's title and introduction in the four languages (posted as texts.<lang>.title …); at least one. */
export async function EvaluationTextsFields({ title = {}, intro = {} }: { title?: LocalizedText; intro?: LocalizedText }) {
  const [t, tc] = await Promise.all([getTranslations("evaluations.desk"), getTranslations("common")]);
  return (
    <fieldset className="min-w-0 space-y-4 rounded-md border border-slate-300 p-3">
      <legend className="px-1 font-semibold">{t("textsLegend")}</legend>
      <p className="text-sm text-slate-800">{t("textsHint")}</p>
      {locales.map((l) => (
        <div key={l} lang={l} className="space-y-3">
          <Field name={`texts.${l}.title`} label={t("titleIn", { language: tc(`languages.${l}`) })} defaultValue={title[l]} maxLength={EVALUATION_LIMITS.title} />
          <TextArea name={`texts.${l}.intro`} label={t("introIn", { language: tc(`languages.${l}`) })} defaultValue={intro[l]} maxLength={EVALUATION_LIMITS.intro} rows={3} />
        </div>
      ))}
    </fieldset>
  );
}

/** A question's words in the four languages, with the words for 1 and 5 (used by a scale question only). */
export async function QuestionFields({ text = {}, low = {}, high = {} }: { text?: LocalizedText; low?: LocalizedText; high?: LocalizedText }) {
  const [t, tc] = await Promise.all([getTranslations("evaluations.desk"), getTranslations("common")]);
  return (
    <fieldset className="min-w-0 space-y-4 rounded-md border border-slate-300 p-3">
      <legend className="px-1 font-semibold">{t("questionLegend")}</legend>
      <p className="text-sm text-slate-800">{t("questionHint")}</p>
      {locales.map((l) => (
        <div key={l} lang={l} className="space-y-3">
          <Field name={`texts.${l}.text`} label={t("questionIn", { language: tc(`languages.${l}`) })} defaultValue={text[l]} maxLength={EVALUATION_LIMITS.question} />
          <div className="grid gap-3 sm:grid-cols-2">
            <Field name={`texts.${l}.low`} label={t("lowIn", { language: tc(`languages.${l}`) })} defaultValue={low[l]} maxLength={EVALUATION_LIMITS.label} />
            <Field name={`texts.${l}.high`} label={t("highIn", { language: tc(`languages.${l}`) })} defaultValue={high[l]} maxLength={EVALUATION_LIMITS.label} />
          </div>
        </div>
      ))}
    </fieldset>
  );
}
