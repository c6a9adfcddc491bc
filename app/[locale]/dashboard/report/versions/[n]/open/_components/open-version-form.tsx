import { getTranslations } from "next-intl/server";
import { openVersionAction } from "@/app/[locale]/dashboard/report/actions";
import { DeskHiddenFields } from "@/components/report/desk-hidden-fields";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { Link } from "@/i18n/navigation";
import type { AppLocale } from "@/i18n/routing";
import type { SupersededVersion } from "@/lib/report/queries";
import { REPORT_LIMITS } from "@/lib/report/schemas";
import { SESSION_TIME_ZONES } from "@/lib/sessions/time";

/**
 * The confirmation form for opening a draft: the public title (prefilled, editable), the
 * deadline and its zone. It tells the command which versions the page said would be superseded,
 * so a version opened by someone else in between makes it refuse instead of superseding it.
 */
export async function OpenVersionForm({ locale, version, superseded }: { locale: AppLocale; version: { id: string; number: number; title: string; timeZone: string }; superseded: readonly SupersededVersion[] }) {
  const [t, tc, ts] = await Promise.all([getTranslations("reportDesk"), getTranslations("common"), getTranslations("sessions")]);
  const zones = SESSION_TIME_ZONES.map((z) => ({ value: z.id, label: ts(`zones.${z.key}`) }));
  const expected = superseded.length ? superseded.map((v) => v.number).join(",") : "none";
  return (
    <ActionForm action={openVersionAction} aria-label={t("confirm.formLabel", { number: version.number })}>
      <DeskHiddenFields locale={locale} versionId={version.id} />
      <input type="hidden" name="expectedSuperseded" value={expected} />
      <Field name="title" label={t("confirm.title")} hint={t("confirm.titleHint")} defaultValue={version.title} maxLength={REPORT_LIMITS.title} required requiredLabel={tc("requiredField")} />
      <Field name="commentDeadline" type="datetime-local" label={t("open.deadline")} hint={t("open.deadlineHint")} required requiredLabel={tc("requiredField")} className="sm:max-w-xs" />
      <Select name="timeZone" label={t("open.timeZone")} options={zones} defaultValue={version.timeZone} required requiredLabel={tc("requiredField")} className="sm:max-w-md" />
      <div className="flex flex-wrap items-center gap-4">
        <Button pendingLabel={t("working")}>{t("confirm.submit", { number: version.number })}</Button>
        <Link href="/dashboard/report">{t("confirm.cancel")}</Link>
      </div>
    </ActionForm>
  );
}
