import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, TextArea } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Select } from "@/components/ui/select";
import { resolvePageLocale } from "@/i18n/page-locale";
import { Link } from "@/i18n/navigation";
import { requireSignedIn } from "@/lib/auth/guards";
import { AppError } from "@/lib/errors";
import { countryName } from "@/lib/i18n/countries";
import { openCase } from "@/lib/monitoring/commands";
import { CASE_TRANSITIONS, canReviewMonitoring, editCaseRefusal, lockedByOther, messageRefusal, referRefusal } from "@/lib/monitoring/policy";
import { getCase, listReviewers } from "@/lib/monitoring/review-queries";
import { REVIEW_LIMITS, SETTABLE_STATUSES } from "@/lib/monitoring/review-schemas";
import { assignCaseAction, changeCaseStatusAction, lockCaseAction, messageReporterAction, referCaseAction, releaseCaseAction } from "../actions";
import { CaseHistory } from "../_components/case-history";
import { SummarySection } from "../_components/summary-section";

type Props = { params: Promise<{ locale: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await resolvePageLocale(params);
  const t = await getTranslations({ locale, namespace: "monitoringReview" });
  return { title: t("title"), robots: { index: false } };
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-3">
      <h2 id={id} className="text-xl font-semibold text-slate-950">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** One case for a reviewer. Opening it writes the access log first: nothing is unsealed unless that row was written. */
export default async function MonitoringCasePage({ params }: Props) {
  const locale = await resolvePageLocale(params);
  const { id } = await params;
  const actor = await requireSignedIn(locale, `/dashboard/monitoring/${id}`);
  if (!canReviewMonitoring(actor)) notFound();
  try {
    await openCase(actor, { reportId: id });
  } catch (error) {
    if (error instanceof AppError) notFound();
    throw error;
  }
  const [view, reviewers, t, tc, format] = await Promise.all([getCase(actor, id), listReviewers(actor), getTranslations("monitoringReview"), getTranslations("common"), getFormatter()]);
  if (!view) notFound();
  const now = new Date();
  const day = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeZone: "UTC" });
  const time = (d: Date) => format.dateTime(d, { timeStyle: "short" });
  const names = new Map(reviewers.map((r) => [r.id, r.name]));
  const canEdit = editCaseRefusal(actor, view, now) === null;
  const caseField = <input type="hidden" name="reportId" value={view.id} />;
  const next = CASE_TRANSITIONS[view.status].filter((s) => (SETTABLE_STATUSES as readonly string[]).includes(s));
  const c = view.content;
  const text = (value: string | null | undefined) => (value ? <p className="whitespace-pre-wrap text-slate-900">{value}</p> : <p className="text-slate-700">{t("case.notGiven")}</p>);
  const lockHeld = view.lockedById && view.lockedUntil;
  const lockExpired = lockHeld && view.lockedUntil! <= now;

  return (
    <>
      <PageHeader title={t("case.title", { date: day(view.createdAt) })} lead={t("case.accessNote")} />
      <p className="mb-6">
        <Link href="/dashboard/monitoring" className="underline">
          {t("case.back")}
        </Link>
      </p>
      <div className="grid gap-8 lg:grid-cols-[2fr_1fr]">
        <div className="min-w-0 space-y-8">
          <Section id="state" title={t("case.stateHeading")}>
            <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-2">
              <dt className="font-medium">{t("queue.status")}</dt>
              <dd>{t(`statuses.${view.status}`)}</dd>
              <dt className="font-medium">{t("queue.country")}</dt>
              <dd>{countryName(view.country, locale)}</dd>
              <dt className="font-medium">{t("queue.categories")}</dt>
              <dd>{view.categories.map((x) => t(`categoryNames.${x}`)).join(", ")}</dd>
              <dt className="font-medium">{t("case.occurred")}</dt>
              <dd>{view.occurredTo ? `${day(view.occurredFrom)} – ${day(view.occurredTo)}` : day(view.occurredFrom)}</dd>
              <dt className="font-medium">{t("case.perpetrator")}</dt>
              <dd>{t(`perpetrators.${view.perpetrator}`)}</dd>
              <dt className="font-medium">{t("case.objectives")}</dt>
              <dd>{view.objectives.join(", ") || "—"}</dd>
              <dt className="font-medium">{t("case.language")}</dt>
              <dd>{t(`languageNames.${view.language}`)}</dd>
              {view.possibleSpam ? (
                <>
                  <dt className="font-medium">{t("queue.marks")}</dt>
                  <dd>{t("queue.possibleSpam")}</dd>
                </>
              ) : null}
            </dl>
            {view.closedAt ? <p>{t("case.closedAt", { date: day(view.closedAt) })}</p> : null}
            {view.referredTo && view.referredAt ? <p>{t("case.referred", { to: view.referredTo, date: day(view.referredAt) })}</p> : null}
          </Section>

          <Section id="report" title={t("case.reportHeading")}>
            {c ? (
              <dl className="space-y-3">
                <dt className="font-medium">{t("case.narrative")}</dt>
                <dd>{text(c.narrative)}</dd>
                <dt className="font-medium">{t("case.place")}</dt>
                <dd>{text(c.place)}</dd>
                <dt className="font-medium">{t("case.affected")}</dt>
                <dd>{text(c.affected)}</dd>
                <dt className="font-medium">{t("case.evidence")}</dt>
                <dd>
                  {c.evidence.links.length ? (
                    <ul className="list-disc pl-5">
                      {c.evidence.links.map((link) => (
                        <li key={link} className="break-all">
                          {link}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                  {c.evidence.text || !c.evidence.links.length ? text(c.evidence.text) : null}
                </dd>
                <dt className="font-medium">{t("case.contact")}</dt>
                <dd>{view.contactErasedAt ? <p>{t("case.contactErased", { date: day(view.contactErasedAt) })}</p> : text(c.contact)}</dd>
              </dl>
            ) : (
              <p className="font-medium text-red-900">{t("case.unreadable")}</p>
            )}
          </Section>

          <Section id="consents" title={t("case.consentsHeading")}>
            <ul className="space-y-1">
              <li>
                {t("case.consentPublish")}: <strong>{view.consentPublish ? t("yes") : t("no")}</strong>
              </li>
              <li>
                {t("case.consentContact")}: <strong>{view.consentContact ? t("yes") : t("no")}</strong>
              </li>
              <li>
                {t("case.consentRefer")}: <strong>{view.consentRefer ? t("yes") : t("no")}</strong>
              </li>
            </ul>
          </Section>

          <Section id="messages" title={t("messages.heading")}>
            {view.messages.length === 0 ? (
              <p className="text-slate-800">{t("messages.empty")}</p>
            ) : (
              <ol className="space-y-3">
                {view.messages.map((m) => (
                  <li key={m.id} className={m.fromReporter ? "rounded border border-green-500 p-3" : "rounded border border-slate-300 p-3"}>
                    <p className="text-sm text-slate-700">
                      {m.fromReporter ? t("messages.fromReporter") : (m.authorName ?? t("history.deleted"))} · {format.dateTime(m.createdAt, "long")}
                    </p>
                    {m.body === null ? <p className="text-red-900">{t("messages.unreadable")}</p> : <p className="whitespace-pre-wrap">{m.body}</p>}
                  </li>
                ))}
              </ol>
            )}
            {messageRefusal(actor, view, now) === null ? (
              <ActionForm action={messageReporterAction} successMessage={t("done")} aria-label={t("messages.label")}>
                {caseField}
                <TextArea name="body" label={t("messages.label")} hint={t("messages.hint")} required requiredLabel={tc("requiredField")} rows={4} maxLength={REVIEW_LIMITS.message} />
                <Button pendingLabel={t("working")}>{t("messages.submit")}</Button>
              </ActionForm>
            ) : null}
          </Section>

          <Section id="summary" title={t("summary.heading")}>
            <SummarySection actor={actor} view={view} locale={locale} now={now} />
          </Section>

          <Section id="history" title={t("history.heading")}>
            <CaseHistory events={view.events} names={names} />
          </Section>
        </div>

        <aside className="space-y-6">
          <Card className="space-y-3">
            <h2 className="text-lg font-semibold">{t("lock.heading")}</h2>
            {!lockHeld ? (
              <p>{t("lock.free")}</p>
            ) : view.lockedById === actor.userId && !lockExpired ? (
              <p>{t("lock.mine", { time: time(view.lockedUntil!) })}</p>
            ) : lockedByOther(actor, view, now) ? (
              <p>{t("lock.other", { name: view.lockedBy?.name ?? t("history.deleted"), time: time(view.lockedUntil!) })}</p>
            ) : (
              <p>{t("lock.expired", { name: view.lockedBy?.name ?? t("history.deleted"), time: time(view.lockedUntil!) })}</p>
            )}
            {canEdit ? (
              <ActionForm action={lockCaseAction} successMessage={t("done")}>
                {caseField}
                <Button pendingLabel={t("working")}>{view.lockedById === actor.userId && !lockExpired ? t("lock.extend") : lockHeld && lockExpired && view.lockedById !== actor.userId ? t("lock.takeOver") : t("lock.take")}</Button>
              </ActionForm>
            ) : null}
            {view.lockedById === actor.userId ? (
              <ActionForm action={releaseCaseAction} successMessage={t("done")}>
                {caseField}
                <Button variant="secondary" pendingLabel={t("working")}>{t("lock.release")}</Button>
              </ActionForm>
            ) : null}
          </Card>

          <Card className="space-y-3">
            <h2 className="text-lg font-semibold">{t("assign.heading")}</h2>
            <p>{view.assignee?.name ?? t("queue.unassigned")}</p>
            {canEdit ? (
              <ActionForm action={assignCaseAction} successMessage={t("done")} aria-label={t("assign.heading")}>
                {caseField}
                <Select name="assigneeId" label={t("assign.label")} options={[{ value: "", label: t("assign.nobody") }, ...reviewers.map((r) => ({ value: r.id, label: r.name }))]} defaultValue={view.assigneeId ?? ""} />
                <Button pendingLabel={t("working")}>{t("assign.submit")}</Button>
              </ActionForm>
            ) : null}
          </Card>

          <Card className="space-y-3">
            <h2 className="text-lg font-semibold">{t("status.heading")}</h2>
            {next.length === 0 ? (
              <p>{t("status.none")}</p>
            ) : canEdit ? (
              <ActionForm action={changeCaseStatusAction} successMessage={t("done")} aria-label={t("status.heading")}>
                {caseField}
                <Select name="status" label={t("status.label")} required requiredLabel={tc("requiredField")} options={next.map((s) => ({ value: s, label: t(`statuses.${s}`) }))} />
                <Button pendingLabel={t("working")}>{t("status.submit")}</Button>
              </ActionForm>
            ) : null}
          </Card>

          {view.status === "VERIFIED" ? (
            <Card className="space-y-3">
              <h2 className="text-lg font-semibold">{t("refer.heading")}</h2>
              {!view.consentRefer ? <p>{t("refer.noConsent")}</p> : null}
              {referRefusal(actor, view, now) === null ? (
                <ActionForm action={referCaseAction} successMessage={t("done")} aria-label={t("refer.heading")}>
                  {caseField}
                  <Field name="referredTo" label={t("refer.label")} hint={t("refer.hint")} required requiredLabel={tc("requiredField")} maxLength={REVIEW_LIMITS.referredTo} />
                  <Button pendingLabel={t("working")}>{t("refer.submit")}</Button>
                </ActionForm>
              ) : null}
            </Card>
          ) : null}
        </aside>
      </div>
    </>
  );
}
