import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CheckboxGroup } from "@/components/ui/checkbox-group";
import { TextArea } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Select } from "@/components/ui/select";
import { FlagLink, HiddenNotice } from "@/components/moderation/flag-link";
import { Link } from "@/i18n/navigation";
import { resolvePageLocale } from "@/i18n/page-locale";
import { locales } from "@/i18n/routing";
import { getCurrentActor } from "@/lib/auth/session";
import { canSupport, verifiedOrganizations } from "@/lib/dialogue/policy";
import { getQuestion } from "@/lib/dialogue/queries";
import { DIALOGUE_LIMITS } from "@/lib/dialogue/schemas";
import { answerQuestionAction, supportQuestionAction, withdrawQuestionSupportAction } from "../../actions";
import { AuthorLine, DoneNotice, InstitutionLink, institutionName, StatusBadge } from "../../_components/parts";
import { VoiceFields } from "@/components/dialogue/voice-fields";

type Props = { params: Promise<{ locale: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const locale = await resolvePageLocale(params);
  const question = await getQuestion(id, null, new Date());
  const t = await getTranslations({ locale, namespace: "dialogue" });
  const tm = await getTranslations({ locale, namespace: "moderation" });
  return { title: question ? (question.title ?? tm("hidden.questionTitle")) : t("questions.title") };
}

/** One question and its public answer, each marked with the language it is written in; support and answer forms for those who may. */
export default async function QuestionPage({ params, searchParams }: Props) {
  const locale = await resolvePageLocale(params);
  const { id } = await params;
  const actor = await getCurrentActor();
  const q = await getQuestion(id, actor, new Date());
  if (!q) notFound();
  const [t, tm, tc, tg, format] = await Promise.all([getTranslations("dialogue"), getTranslations("moderation"), getTranslations("common"), getTranslations("gcm"), getFormatter()]);
  const day = (d: Date) => format.dateTime(d, { day: "numeric", month: "long", year: "numeric" });
  const to = q.delegateName ? t("toDelegate", { name: q.delegateName, institution: institutionName(t, q.institution, locale) }) : institutionName(t, q.institution, locale);
  return (
    <>
      <PageHeader title={q.title ?? tm("hidden.questionTitle")} />
      <div className="max-w-3xl space-y-6">
        <DoneNotice done={(await searchParams).done} />
        <div className="flex flex-wrap items-center gap-2">
          {q.hidden ? null : <StatusBadge t={t} status={q.status} />}
          <span className="text-slate-800">{t("supports", { count: q.supports })}</span>
        </div>
        <section id="question" tabIndex={-1} aria-labelledby="question-heading" className="scroll-mt-4 space-y-2 focus:outline-none">
          <h2 id="question-heading" className="text-xl font-semibold text-slate-950">
            {t("question.heading")}
          </h2>
          <p className="text-sm text-slate-800">
            {t("toLine", { to })} (<InstitutionLink t={t} institution={q.institution} locale={locale} />) · <AuthorLine t={t} author={q.author} /> · {day(q.createdAt)}
          </p>
          <p className="text-sm font-medium text-slate-800">{t("writtenIn", { language: tc(`languages.${q.language}`) })}</p>
          {q.hidden ? (
            <HiddenNotice reason={q.hidden.reason} at={q.hidden.at} format={(date) => format.dateTime(date, "short")} />
          ) : (
            <div lang={q.language} className="space-y-2">
              <p className="font-semibold break-words text-slate-950">{q.title}</p>
              <p className="break-words whitespace-pre-line text-slate-900">{q.body}</p>
            </div>
          )}
          {actor && !q.hidden ? <FlagLink kind="DIALOGUE_QUESTION" postId={q.id} /> : null}
          {q.objectives.length ? (
            <p className="text-sm text-slate-800">
              {t("question.objectives")}{" "}
              {q.objectives.map((n, i) => (
                <span key={n}>
                  {i > 0 ? ", " : ""}
                  <Link href={`/dialogue/questions?objective=${n}`}>{`${n}. ${tg(String(n))}`}</Link>
                </span>
              ))}
            </p>
          ) : null}
          {q.status !== "answered" && !q.hidden ? <p className="text-slate-800">{t("question.deadline", { date: day(q.deadlineAt) })}</p> : null}
        </section>

        {q.mergedInto ? (
          <p className="text-slate-800">
            {t("question.mergedInto")}{" "}
            <Link href={`/dialogue/questions/${q.mergedInto.id}`} lang={q.mergedInto.title === null ? undefined : q.mergedInto.language}>
              {q.mergedInto.title ?? tm("hidden.questionTitle")}
            </Link>
          </p>
        ) : null}

        {q.answer ? (
          <Card>
            <section aria-labelledby="answer-heading" className="space-y-2">
              <h2 id="answer-heading" className="text-xl font-semibold text-slate-950">
                {t("question.answer")}
              </h2>
              <p className="text-sm text-slate-800">
                {q.answeredByName ? t("question.answeredBy", { name: q.answeredByName }) : null} {q.answeredAt ? day(q.answeredAt) : null}
              </p>
              <p className="text-sm font-medium text-slate-800">{t("writtenIn", { language: tc(`languages.${q.answer.language}`) })}</p>
              <p lang={q.answer.language} className="break-words whitespace-pre-line text-slate-900">
                {q.answer.body}
              </p>
            </section>
          </Card>
        ) : null}

        {q.merged.length ? (
          <section aria-labelledby="merged-heading" className="space-y-2">
            <h2 id="merged-heading" className="text-lg font-semibold text-slate-950">
              {t("question.mergedHeading")}
            </h2>
            <ul className="list-disc space-y-1 pl-6">
              {q.merged.map((m) => (
                <li key={m.id}>
                  <Link href={`/dialogue/questions/${m.id}`} lang={m.title === null ? undefined : m.language}>
                    {m.title ?? tm("hidden.questionTitle")}
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        {!actor ? (
          <p>
            <Link href={`/sign-in?next=/${locale}/dialogue/questions/${q.id}`}>{t("signInToSupport")}</Link>
          </p>
        ) : q.supportedByActor ? (
          <div className="space-y-2">
            <p className="text-slate-800">{t("question.youSupport")}</p>
            {q.mayWithdrawSupport ? (
              <ActionForm action={withdrawQuestionSupportAction} aria-label={t("question.withdraw")}>
                <input type="hidden" name="locale" value={locale} />
                <input type="hidden" name="questionId" value={q.id} />
                <Button variant="secondary" pendingLabel={t("working")}>
                  {t("question.withdraw")}
                </Button>
              </ActionForm>
            ) : null}
          </div>
        ) : canSupport(actor) ? (
          <ActionForm action={supportQuestionAction} aria-label={t("question.support")} className="space-y-3">
            <input type="hidden" name="locale" value={locale} />
            <input type="hidden" name="questionId" value={q.id} />
            <VoiceFields organizations={verifiedOrganizations(actor).map((m) => ({ value: m.organizationId, label: m.organizationName }))} />
            <Button pendingLabel={t("working")}>{t("question.support")}</Button>
          </ActionForm>
        ) : null}

        {q.mayAnswer ? (
          <Card>
            <h2 id="answer-form" className="mb-4 text-xl font-semibold text-slate-950">
              {t("answerForm.heading")}
            </h2>
            <ActionForm action={answerQuestionAction} aria-label={t("answerForm.heading")}>
              <input type="hidden" name="locale" value={locale} />
              <input type="hidden" name="questionId" value={q.id} />
              <Select name="language" label={t("answerForm.language")} defaultValue={locale} options={locales.map((l) => ({ value: l, label: tc(`languages.${l}`) }))} />
              <TextArea name="body" label={t("answerForm.body")} required requiredLabel={tc("requiredField")} maxLength={DIALOGUE_LIMITS.answer} rows={8} />
              {q.mergeCandidates.length ? (
                <CheckboxGroup name="mergeIds" legend={t("answerForm.merge")} hint={t("answerForm.mergeHint")} columns={1} options={q.mergeCandidates.map((c) => ({ value: c.id, label: c.title }))} />
              ) : null}
              <Button pendingLabel={t("working")}>{t("answerForm.submit")}</Button>
            </ActionForm>
          </Card>
        ) : null}
        <p>
          <Link href="/dialogue/questions">{t("question.back")}</Link>
        </p>
      </div>
    </>
  );
}
