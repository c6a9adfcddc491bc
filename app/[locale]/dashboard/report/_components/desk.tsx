import { getTranslations } from "next-intl/server";
import {
  addTranslationAction,
  closeVersionAction,
  createVersionAction,
  publishFinalAction,
  updateDraftAction,
} from "@/app/[locale]/dashboard/report/actions";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { buttonClass } from "@/components/ui/button-class";
import { Card } from "@/components/ui/card";
import { DeskHiddenFields } from "@/components/report/desk-hidden-fields";
import { Field, TextArea } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { Link } from "@/i18n/navigation";
import { locales, type AppLocale } from "@/i18n/routing";
import { canApplyReportAction } from "@/lib/report/policy";
import type { VersionListItem } from "@/lib/report/queries";
import { REPORT_LIMITS } from "@/lib/report/schemas";
import { formatSessionDateTime } from "@/lib/sessions/time";
import { ReportStatusBadge } from "@/components/report/status-badge";

async function languageOptions() {
  const tc = await getTranslations("common");
  return locales.map((l) => ({ value: l, label: tc(`languages.${l}`) }));
}

/** A new draft: the first version from scratch, later ones from the latest version's text. */
export async function NewVersionForm({ locale, latest }: { locale: AppLocale; latest: VersionListItem | null }) {
  const [t, tc] = await Promise.all([getTranslations("reportDesk"), getTranslations("common")]);
  const first = !latest;
  return (
    <Card as="div" className="space-y-4">
      <h2 id="new-heading" className="text-xl font-semibold text-slate-950">
        {t("new.heading")}
      </h2>
      <p className="text-slate-800">{first ? t("new.leadFirst") : t("new.lead", { number: latest.number })}</p>
      <ActionForm action={createVersionAction} aria-label={t("new.heading")}>
        <DeskHiddenFields locale={locale} />
        <Field name="title" label={t("fields.title")} hint={first ? undefined : t("new.blankKeeps")} maxLength={REPORT_LIMITS.title} required={first} requiredLabel={tc("requiredField")} />
        <Select
          name="language"
          label={t("fields.language")}
          options={await languageOptions()}
          placeholder={first ? undefined : t("new.sameLanguage")}
          defaultValue={first ? locale : ""}
          required={first}
          requiredLabel={tc("requiredField")}
        />
        <TextArea name="body" label={t("fields.body")} hint={first ? t("fields.bodyHint") : `${t("new.blankKeeps")} ${t("fields.bodyHint")}`} rows={first ? 16 : 6} required={first} requiredLabel={tc("requiredField")} />
        <InternalNoteField />
        <Button pendingLabel={t("working")}>{t("new.submit")}</Button>
      </ActionForm>
    </Card>
  );
}

/** Staff's note on a draft: for the secretariat and the committee, never published. */
async function InternalNoteField({ defaultValue }: { defaultValue?: string | null }) {
  const t = await getTranslations("reportDesk");
  return <TextArea name="internalNote" label={t("fields.internalNote")} hint={t("fields.internalNoteHint")} defaultValue={defaultValue ?? ""} maxLength={REPORT_LIMITS.internalNote} rows={3} />;
}

/** The draft: edit its text, open it for comment (on a page of its own), or publish it as final directly. */
export async function DraftPanel({ locale, draft }: { locale: AppLocale; draft: VersionListItem & { body: string; internalNote: string | null } }) {
  const [t, tc] = await Promise.all([getTranslations("reportDesk"), getTranslations("common")]);
  return (
    <Card as="div" className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <h2 id="draft-heading" className="text-xl font-semibold text-slate-950">
          {t("draft.heading", { number: draft.number })}
        </h2>
        <ReportStatusBadge status={draft.status} />
      </div>
      <p className="text-slate-800">
        {t("draft.lead")} <Link href={`/report/versions/${draft.number}`}>{t("draft.preview")}</Link>
      </p>

      <ActionForm action={updateDraftAction} aria-label={t("draft.editHeading")}>
        <h3 className="text-lg font-semibold text-slate-950">{t("draft.editHeading")}</h3>
        <DeskHiddenFields locale={locale} versionId={draft.id} />
        <Field name="title" label={t("fields.title")} defaultValue={draft.title} maxLength={REPORT_LIMITS.title} required requiredLabel={tc("requiredField")} />
        <Select name="language" label={t("fields.language")} options={await languageOptions()} defaultValue={draft.language} required requiredLabel={tc("requiredField")} />
        <TextArea name="body" label={t("fields.body")} hint={`${t("fields.bodyHint")} ${t("draft.anchorsHint")}`} defaultValue={draft.body} rows={20} required requiredLabel={tc("requiredField")} />
        <InternalNoteField defaultValue={draft.internalNote} />
        <Button pendingLabel={t("working")}>{t("draft.save")}</Button>
      </ActionForm>

      <section aria-labelledby="open-heading" className="space-y-3">
        <h3 id="open-heading" className="text-lg font-semibold text-slate-950">
          {t("open.heading")}
        </h3>
        <p className="text-slate-800">{t("open.lead")}</p>
        {/* A link, not a form: opening is confirmed on a page of its own. */}
        <Link href={`/dashboard/report/versions/${draft.number}/open`} className={buttonClass() + " no-underline"}>
          {t("open.review", { number: draft.number })}
        </Link>
      </section>

      <FinalForm locale={locale} version={draft} />
    </Card>
  );
}

async function FinalForm({ locale, version }: { locale: AppLocale; version: VersionListItem }) {
  const t = await getTranslations("reportDesk");
  return (
    <ActionForm action={publishFinalAction} aria-label={t("final.heading", { number: version.number })}>
      <h3 className="text-lg font-semibold text-slate-950">{t("final.heading", { number: version.number })}</h3>
      <p className="text-slate-800">{t("final.lead")}</p>
      <DeskHiddenFields locale={locale} versionId={version.id} />
      <Button pendingLabel={t("working")}>{t("final.submit")}</Button>
    </ActionForm>
  );
}

/** A published version: close it, publish it as final, as its state allows. */
export async function VersionActions({ locale, version }: { locale: AppLocale; version: VersionListItem }) {
  const [t, tc] = await Promise.all([getTranslations("reportDesk"), getTranslations("common")]);
  const canClose = canApplyReportAction(version.effectiveStatus, "close");
  const canFinal = canApplyReportAction(version.effectiveStatus, "publishFinal");
  return (
    <Card as="div" className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <h2 id={`version-${version.number}`} className="text-xl font-semibold text-slate-950">
          {t("version.heading", { number: version.number })}
        </h2>
        <ReportStatusBadge status={version.effectiveStatus} />
      </div>
      <p className="text-slate-900" lang={version.language}>
        {version.title}
      </p>
      <p className="text-slate-800">
        {version.commentDeadline
          ? t("version.deadline", { deadline: formatSessionDateTime(version.commentDeadline, version.timeZone, locale) })
          : null}{" "}
        {t("version.comments", { total: version.counts.total, waiting: version.counts.waiting })}{" "}
        <Link href={`/report/versions/${version.number}`}>{t("version.open")}</Link>
      </p>
      {version.translations.length ? (
        <p className="text-slate-800">{t("version.translations", { languages: version.translations.map((l) => tc(`languages.${l}`)).join(", ") })}</p>
      ) : null}
      {canClose ? (
        <ActionForm action={closeVersionAction} aria-label={t("close.submit")}>
          <DeskHiddenFields locale={locale} versionId={version.id} />
          <p className="text-slate-800">{t("close.lead")}</p>
          <Button variant="secondary" pendingLabel={t("working")}>
            {t("close.submit")}
          </Button>
        </ActionForm>
      ) : null}
      {canFinal ? <FinalForm locale={locale} version={version} /> : null}
    </Card>
  );
}

/** A translation attached to a version readers can see (the same language again replaces it). */
export async function TranslationForm({ locale, versions }: { locale: AppLocale; versions: VersionListItem[] }) {
  const [t, tc] = await Promise.all([getTranslations("reportDesk"), getTranslations("common")]);
  const choices = versions.filter((v) => canApplyReportAction(v.effectiveStatus, "translate"));
  return (
    <Card as="div" className="space-y-4">
      <h2 id="translation-heading" className="text-xl font-semibold text-slate-950">
        {t("translation.heading")}
      </h2>
      {choices.length === 0 ? (
        <p className="text-slate-800">{t("translation.none")}</p>
      ) : (
        <ActionForm action={addTranslationAction} aria-label={t("translation.heading")}>
          <p className="text-slate-800">{t("translation.lead")}</p>
          <DeskHiddenFields locale={locale} />
          <Select
            name="versionId"
            label={t("translation.version")}
            options={choices.map((v) => ({ value: v.id, label: t("version.heading", { number: v.number }) + ` — ${tc(`reportStatuses.${v.effectiveStatus}`)}` }))}
            defaultValue={choices[0].id}
            required
            requiredLabel={tc("requiredField")}
          />
          <Select name="language" label={t("fields.language")} options={await languageOptions()} placeholder={t("translation.choose")} required requiredLabel={tc("requiredField")} />
          <Field name="title" label={t("fields.title")} maxLength={REPORT_LIMITS.title} required requiredLabel={tc("requiredField")} />
          <TextArea name="body" label={t("fields.body")} hint={t("fields.bodyHint")} rows={12} required requiredLabel={tc("requiredField")} />
          <Button pendingLabel={t("working")}>{t("translation.submit")}</Button>
        </ActionForm>
      )}
    </Card>
  );
}
