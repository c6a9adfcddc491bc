import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { EvaluationSubject } from "@/components/evaluations/subject";
import { LocalizedLine, pickText } from "@/components/evaluations/localized";
import { PhaseBadge } from "@/components/evaluations/phase-badge";
import { EvaluationResultsView } from "@/components/evaluations/results";
import { Alert } from "@/components/ui/alert";
import { Link } from "@/i18n/navigation";
import { resolvePageLocale } from "@/i18n/page-locale";
import { signInPath } from "@/lib/auth/guards";
import { getCurrentActor } from "@/lib/auth/session";
import { answerRefusal, canManageEvaluations, evaluationPhase } from "@/lib/evaluations/policy";
import { getEvaluation, getEvaluationResults, loadAnswerFacts } from "@/lib/evaluations/queries";
import { db } from "@/lib/db/client";
import { AnswerForm } from "../_components/answer-form";

type Props = { params: Promise<{ locale: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const linkClass = "font-medium text-blue-800 underline";

async function load(id: string) {
  if (!UUID.test(id)) return null;
  const actor = await getCurrentActor();
  return { actor, evaluation: await getEvaluation(actor, id) };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await resolvePageLocale(params);
  const { id } = await params;
  const t = await getTranslations({ locale, namespace: "evaluations" });
  const found = await load(id);
  const title = found?.evaluation ? pickText(found.evaluation.title, locale)?.text : null;
  return { title: title ?? t("list.title") };
}

/**
 * One evaluation: what it asks, the form while it takes answers (for those who may answer, the
 * same rule as the command), and once closed the aggregate results. Open answers never show here.
 */
export default async function EvaluationPage({ params, searchParams }: Props) {
  const locale = await resolvePageLocale(params);
  const { id } = await params;
  const found = await load(id);
  if (!found?.evaluation) notFound();
  const { actor, evaluation } = found;
  const now = new Date();
  const phase = evaluationPhase(evaluation, now);
  const [t, te, format] = await Promise.all([getTranslations("evaluations"), getTranslations("errors"), getFormatter()]);
  const day = (d: Date) => format.dateTime(d, { dateStyle: "long", timeZone: "UTC" });
  const facts = actor ? await loadAnswerFacts(db, evaluation, actor.userId) : null;
  const refusal = actor && facts ? answerRefusal(actor, evaluation, facts, now) : null;
  const results = phase === "closed" ? await getEvaluationResults(evaluation, now) : null;
  const intro = pickText(evaluation.intro, locale);
  const done = (await searchParams).done === "answered";
  const path = `/dialogue/evaluations/${evaluation.id}`;

  return (
    <>
      <div className="mb-6 border-b border-slate-300 pb-4">
        <p className="mb-2">
          <Link href="/dialogue/evaluations" className={linkClass}>
            {t("list.title")}
          </Link>
        </p>
        <h1 className="text-2xl font-bold break-words text-slate-950 sm:text-3xl">
          <LocalizedLine value={evaluation.title} locale={locale} />
        </h1>
        <p className="mt-3 flex flex-wrap items-center gap-2">
          <PhaseBadge phase={phase} />
          <span>{t("dates", { opensOn: day(evaluation.opensOn), closesOn: day(evaluation.closesOn) })}</span>
        </p>
        <EvaluationSubject session={evaluation.session} locale={locale} className="mt-2 break-words" />
        {canManageEvaluations(actor) ? (
          <p className="mt-2">
            <Link href={`/dashboard/evaluations/${evaluation.id}`} className={linkClass}>
              {t("manageThis")}
            </Link>
          </p>
        ) : null}
      </div>

      <div className="max-w-3xl space-y-6">
        {done ? (
          <Alert tone="success" live>
            {t("done.answered")}
          </Alert>
        ) : null}
        {intro ? (
          <div className="whitespace-pre-line break-words" lang={intro.lang}>
            {intro.text}
          </div>
        ) : null}
        <p className="text-sm text-slate-800">{t("privacy")}</p>

        {phase === "open" ? (
          !actor ? (
            <p>
              <a href={signInPath(locale, path)} className={linkClass}>
                {t("signInToAnswer")}
              </a>
            </p>
          ) : refusal ? (
            done ? null : <Alert tone={refusal.key === "evaluations.alreadyAnswered" ? "success" : "info"}>{te(refusal.key, refusal.values)}</Alert>
          ) : (
            <section aria-labelledby="answer-heading" className="space-y-4">
              <h2 id="answer-heading" className="text-xl font-semibold">
                {t("answer.heading")}
              </h2>
              <AnswerForm evaluation={evaluation} locale={locale} />
            </section>
          )
        ) : null}
        {phase === "upcoming" ? <p>{t("opensOn", { date: day(evaluation.opensOn) })}</p> : null}

        {results ? (
          <section aria-labelledby="results-heading" className="space-y-4">
            <h2 id="results-heading" className="text-xl font-semibold">
              {t("results.heading")}
            </h2>
            <EvaluationResultsView evaluation={evaluation} results={results} locale={locale} />
          </section>
        ) : phase === "open" ? (
          <p className="text-slate-800">{t("resultsLater")}</p>
        ) : null}
      </div>
    </>
  );
}
