import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { EvaluationSubject } from "@/components/evaluations/subject";
import { LocalizedLine, pickText } from "@/components/evaluations/localized";
import { PhaseBadge } from "@/components/evaluations/phase-badge";
import { ActionForm } from "@/components/ui/action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Select } from "@/components/ui/select";
import { Link } from "@/i18n/navigation";
import { resolvePageLocale } from "@/i18n/page-locale";
import { requireSignedIn } from "@/lib/auth/guards";
import { canManageEvaluations, canTakeAction, evaluationPhase } from "@/lib/evaluations/policy";
import { getEvaluation } from "@/lib/evaluations/queries";
import { QUESTION_KINDS } from "@/lib/evaluations/schemas";
import {
  addQuestionAction,
  closeEvaluationAction,
  openEvaluationAction,
  removeQuestionAction,
  updateEvaluationAction,
  updateQuestionAction,
  type EvaluationDone,
} from "../actions";
import { EvaluationTextsFields, QuestionFields } from "../_components/texts-fields";

type Props = { params: Promise<{ locale: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DONE: readonly EvaluationDone[] = ["created", "saved", "questionAdded", "questionSaved", "questionRemoved", "opened", "closed"];
const linkClass = "font-medium text-blue-800 underline";
const dayValue = (d: Date) => d.toISOString().slice(0, 10);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await resolvePageLocale(params);
  const t = await getTranslations({ locale, namespace: "evaluations.desk" });
  return { title: t("oneTitle"), robots: { index: false } };
}

/**
 * One evaluation on the desk: while a draft, its texts, days and questions are edited here and it
 * is opened; once open it is closed here. Every button is a form; the command decides.
 */
export default async function EvaluationDeskPage({ params, searchParams }: Props) {
  const locale = await resolvePageLocale(params);
  const { id } = await params;
  const actor = await requireSignedIn(locale, `/dashboard/evaluations/${id}`);
  if (!canManageEvaluations(actor) || !UUID.test(id)) notFound();
  const evaluation = await getEvaluation(actor, id);
  if (!evaluation) notFound();
  const [t, tc, format] = await Promise.all([getTranslations("evaluations"), getTranslations("common"), getFormatter()]);
  const now = new Date();
  const day = (d: Date) => format.dateTime(d, { dateStyle: "long", timeZone: "UTC" });
  const done = (await searchParams).done;
  const draft = canTakeAction(evaluation, "edit", now);
  const hidden = <input type="hidden" name="locale" value={locale} />;
  const kindOptions = QUESTION_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }));

  return (
    <>
      <PageHeader
        title={pickText(evaluation.title, locale)?.text ?? t("desk.oneTitle")}
        lead={
          <span className="flex flex-wrap items-center gap-2 text-base">
            <PhaseBadge phase={evaluationPhase(evaluation, now)} />
            <span>{t("dates", { opensOn: day(evaluation.opensOn), closesOn: day(evaluation.closesOn) })}</span>
            <span>· {t("answerCount", { count: evaluation.answerCount })}</span>
          </span>
        }
        actions={
          <>
            <Link href="/dashboard/evaluations" className={linkClass}>
              {t("desk.title")}
            </Link>
            {evaluation.status !== "DRAFT" ? (
              <>
                <Link href={`/dialogue/evaluations/${evaluation.id}`} className={linkClass}>
                  {t("desk.publicPage")}
                </Link>
                <Link href={`/dashboard/evaluations/${evaluation.id}/answers`} className={linkClass}>
                  {t("desk.openAnswers")}
                </Link>
              </>
            ) : null}
          </>
        }
      />
      <div className="max-w-3xl space-y-8">
        {typeof done === "string" && (DONE as readonly string[]).includes(done) ? (
          <Alert tone="success" live>
            {t(`done.${done as EvaluationDone}`)}
          </Alert>
        ) : null}
        <EvaluationSubject session={evaluation.session} locale={locale} className="break-words" />

        {draft ? (
          <section aria-labelledby="texts-heading" className="space-y-3">
            <h2 id="texts-heading" className="text-xl font-semibold">
              {t("desk.textsHeading")}
            </h2>
            <Card>
              <ActionForm action={updateEvaluationAction} aria-label={t("desk.textsHeading")}>
                {hidden}
                <input type="hidden" name="evaluationId" value={evaluation.id} />
                <EvaluationTextsFields title={evaluation.title} intro={evaluation.intro} />
                <div className="grid gap-4 sm:grid-cols-2">
                  <Field name="opensOn" type="date" label={t("desk.opensOn")} defaultValue={dayValue(evaluation.opensOn)} required requiredLabel={tc("requiredField")} />
                  <Field name="closesOn" type="date" label={t("desk.closesOn")} hint={t("desk.closesOnHint")} defaultValue={dayValue(evaluation.closesOn)} required requiredLabel={tc("requiredField")} />
                </div>
                <Button pendingLabel={t("working")}>{t("desk.save")}</Button>
              </ActionForm>
            </Card>
          </section>
        ) : (
          <p className="text-slate-800">{t("desk.frozen")}</p>
        )}

        <section aria-labelledby="questions-heading" className="space-y-3">
          <h2 id="questions-heading" className="text-xl font-semibold">
            {t("desk.questionsHeading")}
          </h2>
          {evaluation.questions.length === 0 ? <p>{t("desk.noQuestions")}</p> : null}
          <ol className="space-y-3">
            {evaluation.questions.map((q, i) => (
              <Card key={q.id} as="li" className="min-w-0 space-y-3">
                <p className="font-semibold break-words">
                  {t("answer.number", { number: i + 1 })} <LocalizedLine value={q.text} locale={locale} />
                </p>
                <p className="text-sm text-slate-800">
                  {t(`kinds.${q.kind}`)}
                  {q.kind === "SCALE" ? (
                    <>
                      {" · 1 = "}
                      <LocalizedLine value={q.low} locale={locale} />
                      {" · 5 = "}
                      <LocalizedLine value={q.high} locale={locale} />
                    </>
                  ) : null}
                </p>
                {draft ? (
                  <>
                    <details className="rounded-md border border-slate-300 p-3">
                      <summary className="cursor-pointer font-medium">{t("desk.editQuestion", { number: i + 1 })}</summary>
                      <ActionForm action={updateQuestionAction} aria-label={t("desk.editQuestion", { number: i + 1 })} className="mt-3 space-y-4">
                        {hidden}
                        <input type="hidden" name="questionId" value={q.id} />
                        <Select name="kind" label={t("desk.kind")} defaultValue={q.kind} options={kindOptions} />
                        <QuestionFields text={q.text} low={q.low} high={q.high} />
                        <Button pendingLabel={t("working")}>{t("desk.saveQuestion")}</Button>
                      </ActionForm>
                    </details>
                    <ActionForm action={removeQuestionAction} aria-label={t("desk.removeQuestion", { number: i + 1 })}>
                      {hidden}
                      <input type="hidden" name="questionId" value={q.id} />
                      <Button variant="danger" pendingLabel={t("working")}>
                        {t("desk.removeQuestion", { number: i + 1 })}
                      </Button>
                    </ActionForm>
                  </>
                ) : null}
              </Card>
            ))}
          </ol>
          {draft ? (
            <Card className="space-y-3">
              <h3 className="text-lg font-semibold">{t("desk.addQuestion")}</h3>
              <ActionForm action={addQuestionAction} aria-label={t("desk.addQuestion")}>
                {hidden}
                <input type="hidden" name="evaluationId" value={evaluation.id} />
                <Select name="kind" label={t("desk.kind")} defaultValue="SCALE" options={kindOptions} />
                <QuestionFields />
                <Button pendingLabel={t("working")}>{t("desk.addQuestion")}</Button>
              </ActionForm>
            </Card>
          ) : null}
        </section>

        {evaluation.status === "DRAFT" ? (
          <section aria-labelledby="open-heading" className="space-y-3">
            <h2 id="open-heading" className="text-xl font-semibold">
              {t("desk.openHeading")}
            </h2>
            <p>{evaluation.session ? t("desk.openExplainSession") : t("desk.openExplainReview")}</p>
            <ActionForm action={openEvaluationAction} aria-label={t("desk.open")}>
              {hidden}
              <input type="hidden" name="evaluationId" value={evaluation.id} />
              <Button pendingLabel={t("working")}>{t("desk.open")}</Button>
            </ActionForm>
          </section>
        ) : null}
        {evaluation.status === "OPEN" ? (
          <section aria-labelledby="close-heading" className="space-y-3">
            <h2 id="close-heading" className="text-xl font-semibold">
              {t("desk.closeHeading")}
            </h2>
            <p>{t("desk.closeExplain")}</p>
            <ActionForm action={closeEvaluationAction} aria-label={t("desk.close")}>
              {hidden}
              <input type="hidden" name="evaluationId" value={evaluation.id} />
              <Button variant="secondary" pendingLabel={t("working")}>
                {t("desk.close")}
              </Button>
            </ActionForm>
          </section>
        ) : null}
      </div>
    </>
  );
}
