import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LocalizedLine, pickText } from "@/components/evaluations/localized";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Link } from "@/i18n/navigation";
import { resolvePageLocale } from "@/i18n/page-locale";
import { requireSignedIn } from "@/lib/auth/guards";
import { canReadOpenAnswers } from "@/lib/evaluations/policy";
import { getEvaluation, getOpenAnswers } from "@/lib/evaluations/queries";

type Props = { params: Promise<{ locale: string; id: string }> };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await resolvePageLocale(params);
  const t = await getTranslations({ locale, namespace: "evaluations.openAnswers" });
  return { title: t("title"), robots: { index: false } };
}

/** The words of the open answers, for the committee and staff only; never public, never logged. */
export default async function OpenAnswersPage({ params }: Props) {
  const locale = await resolvePageLocale(params);
  const { id } = await params;
  const actor = await requireSignedIn(locale, `/dashboard/evaluations/${id}/answers`);
  if (!canReadOpenAnswers(actor) || !UUID.test(id)) notFound();
  const [evaluation, answers] = await Promise.all([getEvaluation(actor, id), getOpenAnswers(actor, id)]);
  if (!evaluation || !answers) notFound();
  const t = await getTranslations("evaluations.openAnswers");
  const byQuestion = new Map(answers.map((a) => [a.questionId, a.texts]));
  const open = evaluation.questions.filter((q) => q.kind === "TEXT");
  return (
    <>
      <PageHeader
        title={t("title")}
        lead={pickText(evaluation.title, locale)?.text}
        actions={
          <Link href={`/dashboard/evaluations/${evaluation.id}`} className="font-medium text-blue-800 underline">
            {t("back")}
          </Link>
        }
      />
      <p className="mb-6 max-w-3xl">{t("lead")}</p>
      {open.length === 0 ? <p>{t("none")}</p> : null}
      <div className="max-w-3xl space-y-6">
        {open.map((q) => {
          const texts = byQuestion.get(q.id) ?? [];
          return (
            <section key={q.id} aria-labelledby={`q-${q.id}`} className="space-y-3">
              <h2 id={`q-${q.id}`} className="text-xl font-semibold break-words">
                <LocalizedLine value={q.text} locale={locale} />
              </h2>
              <p className="text-slate-800">{t("count", { count: texts.length })}</p>
              <ul className="space-y-2">
                {texts.map((text, i) => (
                  <Card key={i} as="li" className="whitespace-pre-line break-words">
                    {text}
                  </Card>
                ))}
              </ul>
            </section>
          );
        })}
      </div>
    </>
  );
}
