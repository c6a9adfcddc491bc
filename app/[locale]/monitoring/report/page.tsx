import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Checkbox, CheckboxGroup } from "@/components/ui/checkbox-group";
import { Field, TextArea } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Select } from "@/components/ui/select";
import { Link } from "@/i18n/navigation";
import { resolvePageLocale } from "@/i18n/page-locale";
import { getCurrentActor } from "@/lib/auth/session";
import { GCM_OBJECTIVES } from "@/lib/gcm/objectives";
import { countryOptions } from "@/lib/i18n/countries";
import { MONITORING_CATEGORIES, MONITORING_COUNTRIES, MONITORING_LIMITS, MONITORING_PERPETRATORS } from "@/lib/monitoring/schemas";
import { ReportForm } from "../_components/report-form";
import { fileReportAction } from "./actions";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await resolvePageLocale(params);
  const t = await getTranslations({ locale, namespace: "monitoring.report" });
  // Not for search engines: a search result naming this page says nothing, but nothing is gained either.
  return { title: t("title"), robots: { index: false } };
}

const fieldset = "space-y-5 rounded-md border border-slate-300 p-4";
const legend = "px-1 text-lg font-semibold text-slate-950";

/** Anyone files a report, signed in or not, in four languages, without JavaScript. */
export default async function MonitoringReportPage({ params }: Props) {
  const locale = await resolvePageLocale(params);
  const [actor, t, tc, tg] = await Promise.all([getCurrentActor(), getTranslations("monitoring"), getTranslations("common"), getTranslations("gcm")]);
  const required = tc("requiredField");
  const today = new Date().toISOString().slice(0, 10);
  const done = {
    title: t("done.title"),
    lead: t("done.lead"),
    codeLabel: t("done.codeLabel"),
    keepTitle: t("done.keepTitle"),
    keep: [t("done.keep1"), t("done.keep2"), t("done.keep3")],
    receiptLink: t("done.receiptLink"),
    receiptHref: `/${locale}/monitoring/receipt`,
    another: t("done.another"),
    anotherHref: `/${locale}/monitoring/report`,
  };
  return (
    <>
      <PageHeader title={t("report.title")} lead={t("report.lead")} />
      <div className="max-w-3xl space-y-6">
        <section aria-labelledby="stored-title" className="rounded-md border-l-4 border-blue-700 bg-blue-50 p-4 text-blue-950">
          <h2 id="stored-title" className="font-semibold">
            {t("report.storedTitle")}
          </h2>
          <ul className="mt-2 list-disc space-y-1 pl-6">
            <li>{t("report.stored1")}</li>
            <li>{t("report.stored2")}</li>
            <li>{t("report.stored3")}</li>
            <li>{t("report.stored4")}</li>
          </ul>
        </section>
        <section aria-labelledby="safety-title" className="rounded-md border-l-4 border-amber-700 bg-amber-50 p-4 text-amber-950">
          <h2 id="safety-title" className="font-semibold">
            {t("report.safetyTitle")}
          </h2>
          <ul className="mt-2 list-disc space-y-1 pl-6">
            <li>{t("report.safety1")}</li>
            <li>{t("report.safety2")}</li>
            <li>{t("report.safety3")}</li>
          </ul>
        </section>
        <p className="flex flex-wrap gap-4">
          <Link href="/monitoring">{t("about")}</Link>
          <Link href="/monitoring/receipt">{t("done.receiptLink")}</Link>
        </p>

        <ReportForm action={fileReportAction} done={done} label={t("report.title")}>
          <input type="hidden" name="language" value={locale} />
          {/* The honeypot: off-screen and hidden from assistive technology, out of the tab order. */}
          <div aria-hidden="true" className="absolute -left-[10000px] h-px w-px overflow-hidden">
            <label>
              {t("report.honeypot")}
              <input type="text" name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
            </label>
          </div>

          <fieldset className={fieldset}>
            <legend className={legend}>{t("report.whereWhen")}</legend>
            <Select name="country" label={t("report.country")} required requiredLabel={required} placeholder={t("report.chooseCountry")} options={countryOptions(locale, MONITORING_COUNTRIES)} />
            <Field name="place" label={t("report.place")} hint={t("report.placeHint")} maxLength={MONITORING_LIMITS.place} autoComplete="off" />
            <Field name="occurredFrom" type="date" label={t("report.occurredFrom")} required requiredLabel={required} max={today} />
            <Field name="occurredTo" type="date" label={t("report.occurredTo")} hint={t("report.occurredToHint")} max={today} />
          </fieldset>

          <fieldset className={fieldset}>
            <legend className={legend}>{t("report.what")}</legend>
            <CheckboxGroup name="categories" legend={`${t("report.categories")} (${required})`} hint={t("report.categoriesHint")} options={MONITORING_CATEGORIES.map((c) => ({ value: c, label: t(`categories.${c}`) }))} />
            <TextArea name="affected" label={t("report.affected")} hint={t("report.affectedHint")} required requiredLabel={required} maxLength={MONITORING_LIMITS.affected} rows={3} />
            <Select name="perpetrator" label={t("report.perpetrator")} required requiredLabel={required} placeholder={t("report.choosePerpetrator")} options={MONITORING_PERPETRATORS.map((p) => ({ value: p, label: t(`perpetrators.${p}`) }))} />
            <TextArea name="narrative" label={t("report.narrative")} hint={t("report.narrativeHint")} required requiredLabel={required} minLength={MONITORING_LIMITS.narrativeMin} maxLength={MONITORING_LIMITS.narrative} rows={8} />
          </fieldset>

          <fieldset className={fieldset}>
            <legend className={legend}>{t("report.evidence")}</legend>
            <TextArea name="evidenceLinks" label={t("report.evidenceLinks")} hint={t("report.evidenceLinksHint")} rows={3} autoComplete="off" spellCheck={false} />
            <TextArea name="evidenceText" label={t("report.evidenceText")} hint={t("report.evidenceTextHint")} maxLength={MONITORING_LIMITS.evidenceText} rows={3} />
            <details className="rounded-md border border-slate-300 p-3">
              <summary className="cursor-pointer font-medium text-slate-900">{t("report.objectives")}</summary>
              <div className="mt-3">
                <CheckboxGroup name="objectives" legend={t("report.objectives")} hint={t("report.objectivesHint")} columns={1} options={GCM_OBJECTIVES.map((n) => ({ value: String(n), label: `${n}. ${tg(String(n))}` }))} />
              </div>
            </details>
          </fieldset>

          <fieldset className={fieldset}>
            <legend className={legend}>{t("report.consent")}</legend>
            <p className="text-sm text-slate-700">{t("report.consentHint")}</p>
            <Checkbox name="consentPublish" label={t("report.consentPublish")} />
            <Checkbox name="consentContact" label={t("report.consentContact")} />
            <Checkbox name="consentRefer" label={t("report.consentRefer")} />
            <Field name="contact" label={t("report.contact")} hint={t("report.contactHint")} maxLength={MONITORING_LIMITS.contact} autoComplete="off" />
            {actor ? <Checkbox name="linkAccount" label={t("report.linkAccount")} hint={t("report.linkAccountHint")} /> : null}
          </fieldset>

          <Button pendingLabel={t("report.working")}>{t("report.submit")}</Button>
        </ReportForm>
      </div>
    </>
  );
}
