import { getTranslations } from "next-intl/server";
import { LocalizedLine, pickText } from "@/components/evaluations/localized";
import { ScaleChoice } from "@/components/evaluations/scale-choice";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { TextArea } from "@/components/ui/field";
import type { EvaluationDetail } from "@/lib/evaluations/queries";
import { EVALUATION_LIMITS } from "@/lib/evaluations/schemas";
import type { AppLocale } from "@/i18n/routing";
import { answerEvaluationAction } from "../actions";

/** The questions as a form: five radio buttons for a scale, a text box for an open question; any may be skipped. */
export async function AnswerForm({ evaluation, locale }: { evaluation: EvaluationDetail; locale: AppLocale }) {
  const [t, tc] = await Promise.all([getTranslations("evaluations.answer"), getTranslations("common")]);
  /** A label must be a string: the reader's language, else another, named. */
  const plain = (value: EvaluationDetail["questions"][number]["text"]) => {
    const picked = pickText(value, locale);
    return picked ? `${picked.text}${picked.fallback ? ` (${tc(`languages.${picked.lang}`)})` : ""}` : "";
  };
  return (
    <ActionForm action={answerEvaluationAction} aria-label={t("heading")} className="space-y-6">
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="evaluationId" value={evaluation.id} />
      <p className="text-sm text-slate-800">{t("skipHint")}</p>
      {evaluation.questions.map((q, i) => {
        const legend = (
          <>
            {t("number", { number: i + 1 })} <LocalizedLine value={q.text} locale={locale} />
          </>
        );
        return q.kind === "SCALE" ? (
          <ScaleChoice key={q.id} name={`answers.${q.id}.score`} legend={legend} low={<LocalizedLine value={q.low} locale={locale} />} high={<LocalizedLine value={q.high} locale={locale} />} />
        ) : (
          <OpenQuestion key={q.id} name={`answers.${q.id}.text`} label={`${t("number", { number: i + 1 })} ${plain(q.text)}`} />
        );
      })}
      <Button pendingLabel={t("sending")}>{t("send")}</Button>
    </ActionForm>
  );
}

function OpenQuestion({ name, label }: { name: string; label: string }) {
  return <TextArea name={name} label={label} maxLength={EVALUATION_LIMITS.answer} rows={4} />;
}

