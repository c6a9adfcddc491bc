import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { inputClass } from "@/components/ui/input-class";
import type { AppLocale } from "@/i18n/routing";
import type { SessionQuestionItem } from "@/lib/session-questions/queries";
import { QUESTION_STATES } from "@/lib/session-questions/schemas";
import { askerText } from "./question-item";
import { drawOnQuestionAction } from "./question-actions";

/** Markdown's own characters, so a question's words never turn into formatting in the summary. */
const escapeMarkdown = (text: string) => text.replace(/[\\`*_[\]<>#|~]/g, "\\$&").replace(/\s*\n\s*/g, " ");

/**
 * The rapporteur's (and staff's) view: the questions by state, each marked or not as one the
 * summary draws on, and a "questions from participants" section in Markdown, each question
 * linked to its place on the page, ready to paste into the summary staff publish.
 */
export async function SummaryPanel({ sessionId, questions, locale }: { sessionId: string; questions: SessionQuestionItem[]; locale: AppLocale }) {
  const t = await getTranslations("sessionQuestions");
  // A hidden question is not quoted in the summary (lib/moderation).
  const drawn = questions.flatMap((q) => (q.drawnOn && q.body !== null ? [{ ...q, body: q.body }] : []));
  // An organization a pseudonymous asker chose to name is linked to its public page, as on the list.
  const asker = async (a: SessionQuestionItem["asker"]) =>
    a.kind === "pseudonym" && a.organization
      ? t("asker.pseudonymNamed", { pseudonym: a.pseudonym, organization: `[${escapeMarkdown(a.organization.name)}](/${locale}/organizations/${a.organization.slug})` })
      : askerText(a, locale);
  const lines = await Promise.all(
    drawn.map(
      async (q) =>
        `- “${escapeMarkdown(q.body)}” (${await asker(q.asker)}; ${t(`states.${q.state}`).toLocaleLowerCase(locale)}) [↗](/${locale}/sessions/${sessionId}#question-${q.id})`,
    ),
  );
  const markdown = drawn.length ? `## ${t("summary.sectionHeading")}\n\n${lines.join("\n")}\n` : "";

  return (
    <section aria-labelledby="questions-summary-heading">
      <Card as="div" className="space-y-4">
        <h3 id="questions-summary-heading" className="text-lg font-semibold text-slate-950">
          {t("summary.heading")}
        </h3>
        <p className="text-slate-800">{t("summary.intro")}</p>
        {QUESTION_STATES.map((state) => {
          const inState = questions.flatMap((q) => (q.state === state && q.body !== null ? [{ ...q, body: q.body }] : []));
          return (
            <div key={state} className="space-y-2">
              <h4 className="font-semibold text-slate-950">
                {t(`states.${state}`)} ({inState.length})
              </h4>
              {inState.length === 0 ? (
                <p className="text-sm text-slate-700">{t("summary.none")}</p>
              ) : (
                <ul className="space-y-2">
                  {inState.map((q) => (
                    <li key={q.id} className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 pb-2">
                      <a href={`#question-${q.id}`} lang={q.language} className="min-w-0 break-words">
                        {q.body.length > 120 ? `${q.body.slice(0, 117)}…` : q.body}
                      </a>
                      <ActionForm action={drawOnQuestionAction}>
                        <input type="hidden" name="locale" value={locale} />
                        <input type="hidden" name="questionId" value={q.id} />
                        <input type="hidden" name="drawnOn" value={q.drawnOn ? "false" : "true"} />
                        <Button variant="secondary" pendingLabel={t("working")}>
                          {q.drawnOn ? t("summary.undraw") : t("summary.drawOn")}
                        </Button>
                      </ActionForm>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          );
        })}
        <div className="space-y-1">
          <label htmlFor="questions-summary-markdown" className="block font-medium text-slate-900">
            {t("summary.section")}
          </label>
          <p id="questions-summary-markdown-hint" className="text-sm text-slate-700">
            {drawn.length ? t("summary.sectionHint") : t("summary.empty")}
          </p>
          <textarea
            id="questions-summary-markdown"
            readOnly
            rows={Math.min(12, drawn.length + 4)}
            value={markdown}
            aria-describedby="questions-summary-markdown-hint"
            className={inputClass}
          />
        </div>
      </Card>
    </section>
  );
}
