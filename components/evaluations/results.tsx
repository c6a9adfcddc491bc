import { getFormatter, getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import type { EvaluationDetail, EvaluationResults } from "@/lib/evaluations/queries";
import { MIN_RESPONDENTS, SCALE_POINTS } from "@/lib/evaluations/schemas";
import type { AppLocale } from "@/i18n/routing";
import { LocalizedLine, pickText } from "./localized";

/**
 * The public results of a closed evaluation: per scale question the count, the mean and a table
 * of the 1–5 distribution whose bars are plain HTML (no JavaScript, no image: the numbers are in
 * the cells, the bars are decoration); below five answers, words instead of figures.
 */
export async function EvaluationResultsView({ evaluation, results, locale }: { evaluation: EvaluationDetail; results: EvaluationResults; locale: AppLocale }) {
  const [t, format] = await Promise.all([getTranslations("evaluations.results"), getFormatter()]);
  if (!results.shown) {
    return <Alert tone="info">{t("tooFew", { min: MIN_RESPONDENTS })}</Alert>;
  }
  const questions = new Map(evaluation.questions.map((q) => [q.id, q]));
  return (
    <div className="space-y-6">
      <p className="text-lg">{t("respondents", { count: results.respondents })}</p>
      {results.scale.map((r) => {
        const q = questions.get(r.questionId);
        if (!q) return null;
        const headingId = `q-${q.id}`;
        const caption = pickText(q.text, locale)?.text ?? "";
        return (
          <section key={q.id} aria-labelledby={headingId} className="min-w-0 space-y-3 rounded-lg border border-slate-300 bg-white p-4">
            <h3 id={headingId} className="text-lg font-semibold break-words">
              <LocalizedLine value={q.text} locale={locale} />
            </h3>
            {r.distribution && r.mean !== null ? (
              <>
                <p>
                  {t("mean", { mean: format.number(r.mean, { minimumFractionDigits: 1, maximumFractionDigits: 1 }), count: r.count })}
                </p>
                <table className="w-full table-fixed text-left">
                  <caption className="sr-only">{t("tableCaption", { question: caption })}</caption>
                  <thead>
                    <tr className="border-b border-slate-300 text-sm">
                      <th scope="col" className="w-2/5 py-1 pr-2 font-semibold">{t("score")}</th>
                      <th scope="col" className="w-1/5 py-1 pr-2 font-semibold">{t("answers")}</th>
                      <th scope="col" className="py-1 font-semibold">{t("share")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {SCALE_POINTS.map((point, i) => {
                      const n = r.distribution![i];
                      const share = r.count ? n / r.count : 0;
                      const end = point === 1 ? q.low : point === 5 ? q.high : null;
                      return (
                        <tr key={point} className="border-b border-slate-200 align-top">
                          <th scope="row" className="py-1 pr-2 font-normal break-words">
                            <span className="font-semibold">{format.number(point)}</span>
                            {end ? (
                              <>
                                {" "}
                                <LocalizedLine value={end} locale={locale} className="text-sm" />
                              </>
                            ) : null}
                          </th>
                          <td className="py-1 pr-2">{format.number(n)}</td>
                          <td className="py-1">
                            {format.number(share, { style: "percent", maximumFractionDigits: 0 })}
                            <span aria-hidden="true" className="mt-1 block h-3 rounded-sm bg-blue-800" style={{ width: `${Math.round(share * 100)}%` }} />
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </>
            ) : (
              <p>{t("questionTooFew", { min: MIN_RESPONDENTS })}</p>
            )}
          </section>
        );
      })}
      {results.openCounts.map((o) => {
        const q = questions.get(o.questionId);
        if (!q) return null;
        return (
          <section key={q.id} className="min-w-0 space-y-2 rounded-lg border border-slate-300 bg-white p-4">
            <h3 className="text-lg font-semibold break-words">
              <LocalizedLine value={q.text} locale={locale} />
            </h3>
            <p>{t("openCount", { count: o.count })}</p>
          </section>
        );
      })}
    </div>
  );
}
