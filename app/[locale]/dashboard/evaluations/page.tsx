import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { LocalizedLine, pickText } from "@/components/evaluations/localized";
import { PhaseBadge } from "@/components/evaluations/phase-badge";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Select } from "@/components/ui/select";
import { Link } from "@/i18n/navigation";
import { resolvePageLocale } from "@/i18n/page-locale";
import { requireSignedIn } from "@/lib/auth/guards";
import { canManageEvaluations, evaluationPhase } from "@/lib/evaluations/policy";
import { listEvaluableSessions, listManagedEvaluations } from "@/lib/evaluations/queries";
import { createEvaluationAction } from "./actions";
import { EvaluationTextsFields } from "./_components/texts-fields";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await resolvePageLocale(params);
  const t = await getTranslations({ locale, namespace: "evaluations.desk" });
  return { title: t("title"), robots: { index: false } };
}

const linkClass = "font-medium text-blue-800 underline";

/** Staff's and the committee's desk: every evaluation (drafts too) and a new one. */
export default async function EvaluationsDeskPage({ params }: Props) {
  const locale = await resolvePageLocale(params);
  const actor = await requireSignedIn(locale, "/dashboard/evaluations");
  if (!canManageEvaluations(actor)) notFound();
  const [t, tc, format, evaluations, sessions] = await Promise.all([
    getTranslations("evaluations"),
    getTranslations("common"),
    getFormatter(),
    listManagedEvaluations(actor),
    listEvaluableSessions(actor),
  ]);
  const now = new Date();
  const day = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeZone: "UTC" });
  return (
    <>
      <PageHeader
        title={t("desk.title")}
        lead={t("desk.lead")}
        actions={
          <Link href="/dialogue/evaluations" className={linkClass}>
            {t("desk.publicList")}
          </Link>
        }
      />
      <div className="grid gap-8 lg:grid-cols-2">
        <section aria-labelledby="list-heading" className="min-w-0 space-y-4">
          <h2 id="list-heading" className="text-xl font-semibold">
            {t("desk.listHeading")}
          </h2>
          {evaluations.length === 0 ? (
            <p>{t("list.empty")}</p>
          ) : (
            <ul className="space-y-3">
              {evaluations.map((e) => (
                <Card key={e.id} as="li" className="min-w-0 space-y-2">
                  <p className="font-semibold break-words">
                    <Link href={`/dashboard/evaluations/${e.id}`} className={linkClass}>
                      <LocalizedLine value={e.title} locale={locale} />
                    </Link>
                  </p>
                  <p className="flex flex-wrap items-center gap-2 text-sm">
                    <PhaseBadge phase={evaluationPhase(e, now)} />
                    <span>{t("dates", { opensOn: day(e.opensOn), closesOn: day(e.closesOn) })}</span>
                  </p>
                  <p className="text-sm break-words">
                    {e.session ? `${t("aboutSession")} ${pickText(e.session.title, locale)?.text ?? ""}` : t("aboutReview")} · {t("answerCount", { count: e.answerCount })}
                  </p>
                </Card>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="new-heading" className="min-w-0 space-y-4">
          <h2 id="new-heading" className="text-xl font-semibold">
            {t("desk.newHeading")}
          </h2>
          <Card>
            <ActionForm action={createEvaluationAction} aria-label={t("desk.newHeading")}>
              <input type="hidden" name="locale" value={locale} />
              <Select
                name="scope"
                label={t("desk.scope")}
                required
                requiredLabel={tc("requiredField")}
                defaultValue="session"
                options={[
                  { value: "session", label: t("desk.scopeSession") },
                  { value: "review", label: t("desk.scopeReview") },
                ]}
              />
              <Select
                name="sessionId"
                label={t("desk.session")}
                hint={t("desk.sessionHint")}
                placeholder={t("desk.chooseSession")}
                options={sessions.map((s) => ({ value: s.id, label: `${pickText(s.title, locale)?.text ?? ""} (${day(s.startsAt)})` }))}
              />
              <EvaluationTextsFields />
              <div className="grid gap-4 sm:grid-cols-2">
                <Field name="opensOn" type="date" label={t("desk.opensOn")} required requiredLabel={tc("requiredField")} />
                <Field name="closesOn" type="date" label={t("desk.closesOn")} hint={t("desk.closesOnHint")} required requiredLabel={tc("requiredField")} />
              </div>
              <Button pendingLabel={t("working")}>{t("desk.create")}</Button>
            </ActionForm>
          </Card>
        </section>
      </div>
    </>
  );
}
