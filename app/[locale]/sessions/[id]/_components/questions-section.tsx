import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/ui/action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { buttonClass } from "@/components/ui/button-class";
import { Card } from "@/components/ui/card";
import { VoiceFields } from "@/components/dialogue/voice-fields";
import { TextArea } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { Link } from "@/i18n/navigation";
import { locales, type AppLocale } from "@/i18n/routing";
import type { Actor } from "@/lib/auth/actor";
import { verifiedOrganizations } from "@/lib/dialogue/policy";
import { actionsFrom, supportRefusal, withdrawSupportRefusal } from "@/lib/session-questions/policy";
import { getSessionQuestionsForPage } from "@/lib/session-questions/queries";
import { QUESTION_LIMITS } from "@/lib/session-questions/schemas";
import { formatSessionDateTime } from "@/lib/sessions/time";
import { askQuestionAction, type QuestionDone } from "./question-actions";
import { QuestionItem } from "./question-item";
import { QuestionsLive } from "./questions-live";
import { SummaryPanel } from "./summary-panel";

const DONE: readonly QuestionDone[] = ["asked", "supported", "unsupported", "moved", "drawnOn"];

type SessionForQuestions = { id: string; status: "DRAFT" | "OPEN_FOR_NOMINATIONS" | "SPEAKERS_CONFIRMED" | "HELD" | "REPORT_PUBLISHED"; startsAt: Date; endsAt: Date; timeZone: string };

/**
 * Questions to the panel of a session whose speakers are confirmed: the list (public), the form
 * to ask (registered participants and speakers, while live), the moderator's marks, and the
 * rapporteur's panel. Every form posts to a server action and the page comes back (no
 * JavaScript needed); with JavaScript, QuestionsLive keeps the list current.
 */
export async function QuestionsSection({
  session,
  actor,
  locale,
  done,
  defaultLanguage,
}: {
  session: SessionForQuestions;
  actor: Actor | null;
  locale: AppLocale;
  done?: string | string[];
  /** The language the reader registered to follow the session in, else the page's. */
  defaultLanguage: AppLocale;
}) {
  const now = new Date();
  const data = await getSessionQuestionsForPage(actor, session, now);
  if (!data) return null;
  const [t, tc] = await Promise.all([getTranslations("sessionQuestions"), getTranslations("common")]);
  const notice = typeof done === "string" && (DONE as readonly string[]).includes(done) ? (done as QuestionDone) : null;
  const when = (date: Date) => formatSessionDateTime(date, session.timeZone, locale);
  const status = data.live ? t("status.live", { closesAt: when(data.window.closesAt) }) : now < data.window.opensAt ? t("status.before", { opensAt: when(data.window.opensAt) }) : t("status.closed");
  // A hidden question leaves the summary's list: its words are what moderators took down.
  // Only members of verified organizations are offered a pseudonym, to ask and to support.
  const voiceOrganizations = verifiedOrganizations(actor).map((m) => ({ value: m.organizationId, label: m.organizationName }));
  const drawn = data.questions.flatMap((q) => (q.drawnOn && q.body !== null ? [{ ...q, body: q.body }] : []));

  return (
    <section aria-labelledby="questions-heading" id="questions" className="scroll-mt-4 space-y-4">
      <h2 id="questions-heading" className="text-xl font-semibold text-slate-950">
        {t("heading")}
      </h2>
      {notice ? (
        <Alert tone="success" live>
          {t(`done.${notice}`)}
        </Alert>
      ) : null}
      <p className="text-slate-800">{t("intro")}</p>
      {/* data-live-part: what a visitor's page without Next's scripts swaps for the fresh page's
          while the session is live (components/sessions/live-questions.ts). */}
      <p className="font-medium text-slate-900" data-live-part="status">
        {status}
      </p>

      <div data-live-part="drawn" className="empty:hidden">
        {drawn.length ? (
          <div className="space-y-1">
            <h3 className="font-semibold text-slate-950">{t("drawnOn.heading")}</h3>
            <ul className="list-disc space-y-1 pl-6">
              {drawn.map((q) => (
                <li key={q.id}>
                  <a href={`#question-${q.id}`} lang={q.language} className="break-words">
                    {q.body.length > 140 ? `${q.body.slice(0, 137)}…` : q.body}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>

      <div data-live-part="ask" className="empty:hidden">
        {data.live ? (
          <Card as="div" className="space-y-3">
            <h3 className="text-lg font-semibold text-slate-950">{t("ask.heading")}</h3>
            {!actor ? (
              <p>
                <Link href={`/sign-in?next=/${locale}/sessions/${session.id}`} className={buttonClass("primary") + " no-underline"}>
                  {t("ask.signIn")}
                </Link>
              </p>
            ) : data.askRefusal ? (
              <p className="text-slate-800">
                <a href="#registration">{t("ask.registerFirst")}</a>
              </p>
            ) : (
              <ActionForm action={askQuestionAction} aria-label={t("ask.heading")} className="space-y-4">
                <input type="hidden" name="locale" value={locale} />
                <input type="hidden" name="sessionId" value={session.id} />
                <TextArea name="body" label={t("ask.body")} hint={t("ask.bodyHint", { max: QUESTION_LIMITS.body })} maxLength={QUESTION_LIMITS.body} rows={3} required requiredLabel={tc("requiredField")} />
                <Select
                  name="language"
                  label={t("ask.language")}
                  options={locales.map((l) => ({ value: l, label: tc(`languages.${l}`) }))}
                  defaultValue={defaultLanguage}
                  required
                  requiredLabel={tc("requiredField")}
                />
                <VoiceFields organizations={voiceOrganizations} />
                <p className="text-sm text-slate-700">{t("ask.privacy")}</p>
                <Button pendingLabel={t("working")}>{t("ask.submit")}</Button>
              </ActionForm>
            )}
          </Card>
        ) : null}
      </div>

      <div className="space-y-2">
        <h3 className="text-lg font-semibold text-slate-950">{t("list.label")}</h3>
        <div data-live-part="hint" className="empty:hidden">
          {data.live ? <p className="text-sm text-slate-700">{t("autoUpdate")}</p> : null}
        </div>
        {data.live ? (
          <>
            <QuestionsLive
              sessionId={session.id}
              signature={data.signature}
              ids={data.questions.map((q) => q.id)}
              announceOne={t("announce.one")}
              announceMany={t("announce.other", { count: "{count}" })}
            />
          </>
        ) : null}
        <div data-live-part="list">
          {data.questions.length === 0 ? (
            <p className="text-slate-800">{t("list.none")}</p>
          ) : (
            <ul className="space-y-3">
              {data.questions.map((q) => (
                <QuestionItem
                  key={q.id}
                  question={q}
                  locale={locale}
                  canFlag={!!actor && !q.mine}
                  voiceOrganizations={voiceOrganizations}
                  // A hidden question is no longer before the panel: no support, no moderator step.
                  canSupport={!!actor && !q.hidden && !q.supportedByMe && supportRefusal(actor, data.standing, session, { authorId: q.mine ? actor.userId : null, state: q.state }, now) === null}
                  canWithdraw={!!actor && q.supportedByMe && withdrawSupportRefusal(data.standing, session, q, true, now) === null}
                  moderatorActions={data.canModerate && !q.hidden ? actionsFrom(q.state) : []}
                />
              ))}
            </ul>
          )}
        </div>
      </div>

      {data.canDrawOn ? <SummaryPanel sessionId={session.id} questions={data.questions} locale={locale} /> : null}
    </section>
  );
}
