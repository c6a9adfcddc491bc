import { getFormatter, getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/ui/action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, TextArea } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { Table, Td } from "@/components/ui/table";
import { Link } from "@/i18n/navigation";
import { locales, type AppLocale } from "@/i18n/routing";
import type { SessionDeskData } from "@/lib/sessions/queries";
import { canTransitionSession } from "@/lib/sessions/policy";
import { ACCESS_NEEDS, SESSION_LIMITS } from "@/lib/sessions/schemas";
import { dateToLocalInput, formatSessionDateTime } from "@/lib/sessions/time";
import { markSessionHeldAction, openSessionAction, publishSessionSummaryAction } from "@/app/[locale]/dashboard/sessions/actions";
import { zoneLabel } from "@/components/sessions/session-time";

/** What staff can do next with the session's state, and where the slate is confirmed. */
export async function SessionStatePanel({ data, locale, now }: { data: SessionDeskData; locale: AppLocale; now: Date }) {
  const [t, tc] = await Promise.all([getTranslations("sessionDesk"), getTranslations("common")]);
  const { session } = data;
  const zone = await zoneLabel(session.timeZone, session.startsAt, locale);
  const hidden = (
    <>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="sessionId" value={session.id} />
    </>
  );
  return (
    <Card as="div" className="space-y-4">
      <h2 id="state-heading" className="text-xl font-semibold text-slate-950">
        {t("state.heading")}
      </h2>
      <p className="text-slate-900">{t("state.current", { status: tc(`sessionStatuses.${session.status}`) })}</p>

      {canTransitionSession(session.status, "open") ? (
        <ActionForm action={openSessionAction} aria-label={t("state.open")}>
          {hidden}
          <p className="text-slate-800">{t("state.openHint")}</p>
          <Field
            name="nominationDeadline"
            type="datetime-local"
            label={t("form.nominationDeadline")}
            hint={t("state.deadlineHint", { zone })}
            required
            requiredLabel={tc("requiredField")}
            defaultValue={session.nominationDeadline ? dateToLocalInput(session.nominationDeadline, session.timeZone) : undefined}
            className="sm:max-w-xs"
          />
          <Button pendingLabel={t("working")}>{t("state.open")}</Button>
        </ActionForm>
      ) : null}

      {session.status === "OPEN_FOR_NOMINATIONS" ? (
        <p className="text-slate-800">
          {session.nominationDeadline
            ? t("state.openUntil", { deadline: formatSessionDateTime(session.nominationDeadline, session.timeZone, locale) })
            : null}{" "}
          {t("state.confirmInCommittee")}
        </p>
      ) : null}

      {canTransitionSession(session.status, "markHeld") ? (
        now < session.startsAt ? (
          <p className="text-slate-800">{t("state.heldAfterStart", { start: formatSessionDateTime(session.startsAt, session.timeZone, locale) })}</p>
        ) : (
          <ActionForm action={markSessionHeldAction} aria-label={t("state.markHeld")}>
            {hidden}
            <p className="text-slate-800">{t("state.markHeldHint")}</p>
            <Button pendingLabel={t("working")}>{t("state.markHeld")}</Button>
          </ActionForm>
        )
      ) : null}

      {session.status === "HELD" ? <p className="text-slate-800">{t("state.publishBelow")}</p> : null}
      {session.status === "REPORT_PUBLISHED" ? <p className="text-slate-800">{t("state.reportPublished")}</p> : null}

      {session.status !== "DRAFT" ? (
        <p>
          <Link href={`/dashboard/committee/sessions/${session.id}`}>{t("state.committeeLink")}</Link>
        </p>
      ) : null}
    </Card>
  );
}

/** Registrations counted (total, by language, by access need) and the access requests: names, needs and notes, no emails. */
export async function RegistrationsPanel({ data }: { data: SessionDeskData }) {
  const [t, tc, format] = await Promise.all([getTranslations("sessionDesk"), getTranslations("common"), getFormatter()]);
  const { registrations } = data;
  return (
    <Card as="div" className="space-y-4">
      <h2 id="registrations-heading" className="text-xl font-semibold text-slate-950">
        {t("registrations.heading")}
      </h2>
      <p className="text-slate-900">
        {t("registrations.total", { count: registrations.total })} {t("registrations.listed", { count: registrations.listed })}
      </p>
      {registrations.total > 0 ? (
        <>
          <div className="grid gap-4 md:grid-cols-2">
            <Table caption={t("registrations.byLanguage")} head={[t("registrations.language"), t("registrations.count")]}>
              {locales.map((l) => (
                <tr key={l}>
                  <Td>{tc(`languages.${l}`)}</Td>
                  <Td>{format.number(registrations.byLanguage[l])}</Td>
                </tr>
              ))}
            </Table>
            <Table caption={t("registrations.byNeed")} head={[t("registrations.need"), t("registrations.count")]}>
              {ACCESS_NEEDS.map((n) => (
                <tr key={n}>
                  <Td>{tc(`accessNeeds.${n}`)}</Td>
                  <Td>{format.number(registrations.byNeed[n])}</Td>
                </tr>
              ))}
            </Table>
          </div>
          <h3 className="text-lg font-semibold text-slate-950">{t("registrations.requestsHeading")}</h3>
          {registrations.requests.length === 0 ? (
            <p className="text-slate-800">{t("registrations.noRequests")}</p>
          ) : (
            <Table
              caption={t("registrations.requestsHeading")}
              head={[t("registrations.name"), t("registrations.language"), t("registrations.needs"), t("registrations.note")]}
            >
              {registrations.requests.map((r) => (
                <tr key={r.id}>
                  <Td>{r.name}</Td>
                  <Td>{tc(`languages.${r.language}`)}</Td>
                  <Td>{r.accessNeeds.length ? r.accessNeeds.map((n) => tc(`accessNeeds.${n}`)).join(", ") : "—"}</Td>
                  <Td className="px-4 py-2 align-top whitespace-pre-line text-slate-900">{r.accessNote ?? "—"}</Td>
                </tr>
              ))}
            </Table>
          )}
        </>
      ) : null}
    </Card>
  );
}

/** The rapporteur's summary (Markdown): published once the session is held; on a published report, a correction. */
export async function SummaryPanel({ data, locale }: { data: SessionDeskData; locale: AppLocale }) {
  const [t, tc] = await Promise.all([getTranslations("sessionDesk"), getTranslations("common")]);
  const { session } = data;
  const canPublish = canTransitionSession(session.status, "publishSummary");
  return (
    <Card as="div" className="space-y-4">
      <h2 id="summary-heading" className="text-xl font-semibold text-slate-950">
        {t("summary.heading")}
      </h2>
      {canPublish ? (
        <ActionForm action={publishSessionSummaryAction} aria-label={t("summary.heading")}>
          <input type="hidden" name="locale" value={locale} />
          <input type="hidden" name="sessionId" value={session.id} />
          {session.status === "REPORT_PUBLISHED" ? <Alert tone="info">{t("summary.correctionHint")}</Alert> : null}
          <TextArea
            name="summary"
            label={t("summary.text")}
            hint={t("summary.textHint", { max: SESSION_LIMITS.summary })}
            required
            requiredLabel={tc("requiredField")}
            maxLength={SESSION_LIMITS.summary}
            rows={16}
            defaultValue={session.summary ?? undefined}
          />
          <Select
            name="summaryLanguage"
            label={t("summary.language")}
            options={locales.map((l) => ({ value: l, label: tc(`languages.${l}`) }))}
            defaultValue={session.summaryLanguage ?? locale}
            required
            requiredLabel={tc("requiredField")}
            className="sm:max-w-xs"
          />
          <Button pendingLabel={t("working")}>{session.status === "REPORT_PUBLISHED" ? t("summary.publishCorrection") : t("summary.publish")}</Button>
        </ActionForm>
      ) : (
        <p className="text-slate-800">{t("summary.notYet")}</p>
      )}
    </Card>
  );
}
