import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { pickText } from "@/components/evaluations/localized";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CheckboxGroup } from "@/components/ui/checkbox-group";
import { TextArea } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Select } from "@/components/ui/select";
import { Link } from "@/i18n/navigation";
import { resolvePageLocale } from "@/i18n/page-locale";
import { locales } from "@/i18n/routing";
import { requireSignedIn } from "@/lib/auth/guards";
import { canPublishSynthesis, stateRefusal } from "@/lib/consultations/policy";
import { getConsultation } from "@/lib/consultations/queries";
import { CONSULTATION_LIMITS } from "@/lib/consultations/schemas";
import { closeConsultationAction, openConsultationAction, postUpdateAction, publishSynthesisAction, updateConsultationAction } from "../../actions";
import { ConsultationFields } from "../../_components/consultation-fields";
import { DoneNotice, PhaseBadge } from "../../_components/parts";

type Props = { params: Promise<{ locale: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await resolvePageLocale(params);
  const t = await getTranslations({ locale, namespace: "consultations" });
  return { title: t("desk.title"), robots: { index: false } };
}

/**
 * Running one consultation, for its owner and staff: while a draft, everything it says is edited
 * here and it is opened; while open, updates are posted and it is closed; once closed, staff
 * publish the synthesis, ticking the contributions it draws on. Every button is a form.
 */
export default async function ManageConsultationPage({ params, searchParams }: Props) {
  const locale = await resolvePageLocale(params);
  const { id } = await params;
  const actor = await requireSignedIn(locale, `/dialogue/consultations/${id}/manage`);
  const now = new Date();
  const c = await getConsultation(id, actor, now);
  if (!c || !c.mayManage) notFound();
  const [t, tc, format] = await Promise.all([getTranslations("consultations"), getTranslations("common"), getFormatter()]);
  const day = (d: Date) => format.dateTime(d, { dateStyle: "long", timeZone: "UTC" });
  const may = (action: Parameters<typeof stateRefusal>[1]) => stateRefusal(c, action, now) === null;
  const hidden = (
    <>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="consultationId" value={c.id} />
    </>
  );
  // Hidden contributions cannot be cited: only those with their words on the page.
  const everyContribution = c.questions.flatMap((q) => q.contributions.flatMap((x) => [x, ...x.replies])).flatMap((x) => (x.body === null ? [] : [{ id: x.id, body: x.body }]));
  return (
    <>
      <PageHeader
        title={pickText(c.title, locale)?.text ?? t("desk.title")}
        lead={
          <span className="flex flex-wrap items-center gap-2 text-base">
            <PhaseBadge phase={c.phase} />
            <span>{t("dates", { opensOn: day(c.opensOn), closesOn: day(c.closesOn) })}</span>
          </span>
        }
        actions={
          c.status !== "DRAFT" ? (
            <Link href={`/dialogue/consultations/${c.id}`} className="font-medium text-blue-800 underline">
              {t("desk.publicPage")}
            </Link>
          ) : null
        }
      />
      <div className="max-w-3xl min-w-0 space-y-8">
        <DoneNotice done={(await searchParams).done} />
        {may("edit") ? (
          <>
            <section aria-labelledby="edit-heading" className="space-y-3">
              <h2 id="edit-heading" className="text-xl font-semibold">
                {t("desk.editHeading")}
              </h2>
              <ActionForm action={updateConsultationAction} aria-label={t("desk.editHeading")} className="space-y-5">
                {hidden}
                <ConsultationFields values={{ title: c.title, background: c.background, questions: c.questions.map((q) => q.text), languages: c.languages, objectives: c.objectives, opensOn: c.opensOn, closesOn: c.closesOn }} />
                <Button pendingLabel={t("working")}>{t("desk.save")}</Button>
              </ActionForm>
            </section>
            <Card>
              <h2 className="mb-2 text-xl font-semibold">{t("desk.openHeading")}</h2>
              <p className="mb-3 text-slate-800">{t("desk.openExplain")}</p>
              <ActionForm action={openConsultationAction} aria-label={t("desk.openHeading")}>
                {hidden}
                <Button pendingLabel={t("working")}>{t("desk.openNow")}</Button>
              </ActionForm>
            </Card>
          </>
        ) : null}

        {may("update") ? (
          <Card>
            <h2 className="mb-3 text-xl font-semibold">{t("updates.post")}</h2>
            <ActionForm action={postUpdateAction} aria-label={t("updates.post")} className="space-y-3">
              {hidden}
              <Select name="language" label={t("contributeForm.language")} defaultValue={locale} options={locales.map((l) => ({ value: l, label: tc(`languages.${l}`) }))} />
              <TextArea name="body" label={t("updates.body")} required requiredLabel={tc("requiredField")} maxLength={CONSULTATION_LIMITS.update} rows={4} />
              <Button pendingLabel={t("working")}>{t("updates.submit")}</Button>
            </ActionForm>
          </Card>
        ) : null}

        {may("close") ? (
          <Card>
            <h2 className="mb-2 text-xl font-semibold">{t("desk.closeHeading")}</h2>
            <p className="mb-3 text-slate-800">{t("desk.closeExplain")}</p>
            <ActionForm action={closeConsultationAction} aria-label={t("desk.closeHeading")}>
              {hidden}
              <Button pendingLabel={t("working")}>{t("desk.close")}</Button>
            </ActionForm>
          </Card>
        ) : null}

        {may("synthesize") ? (
          canPublishSynthesis(actor) ? (
            <section aria-labelledby="synthesis-heading" className="space-y-3">
              <h2 id="synthesis-heading" className="text-xl font-semibold">
                {t("desk.synthesisHeading")}
              </h2>
              <ActionForm action={publishSynthesisAction} aria-label={t("desk.synthesisHeading")} className="space-y-4">
                {hidden}
                <p className="text-sm text-slate-800">{t("desk.synthesisHint")}</p>
                {locales.map((l) => (
                  <TextArea key={l} name={`synthesis.${l}`} lang={l} label={t("desk.synthesisIn", { language: tc(`languages.${l}`) })} maxLength={CONSULTATION_LIMITS.synthesis} rows={8} />
                ))}
                {everyContribution.length ? (
                  <CheckboxGroup
                    name="citedIds"
                    legend={t("desk.cite")}
                    hint={t("desk.citeHint")}
                    columns={1}
                    options={everyContribution.map((x) => ({ value: x.id, label: x.body.length > 140 ? `${x.body.slice(0, 139)}…` : x.body }))}
                  />
                ) : null}
                <Button pendingLabel={t("working")}>{t("desk.publish")}</Button>
              </ActionForm>
            </section>
          ) : (
            <p className="text-slate-800">{t("desk.staffPublish")}</p>
          )
        ) : null}
        {c.phase === "synthesized" ? <p className="text-slate-800">{t("desk.done")}</p> : null}
      </div>
    </>
  );
}
