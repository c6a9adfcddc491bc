import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Select } from "@/components/ui/select";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Link } from "@/i18n/navigation";
import { resolvePageLocale } from "@/i18n/page-locale";
import { getCurrentActor } from "@/lib/auth/session";
import { canManageChampions } from "@/lib/champions/policy";
import { listFinalReportParagraphs } from "@/lib/champions/queries";
import { ADDRESSEES } from "@/lib/champions/schemas";
import { markRecommendationAction } from "../../../champions/actions";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await resolvePageLocale(params);
  const t = await getTranslations({ locale, namespace: "champions.mark" });
  return { title: t("title") };
}

/** Staff: the final report's paragraphs by anchor, each one a form that marks it as a recommendation. */
export default async function MarkRecommendationsPage({ params }: Props) {
  const locale = await resolvePageLocale(params);
  const actor = await getCurrentActor();
  if (!canManageChampions(actor)) notFound();
  const [t, tc, report] = await Promise.all([getTranslations("champions"), getTranslations("common"), listFinalReportParagraphs(actor)]);
  return (
    <>
      <PageHeader title={t("mark.title")} lead={t("mark.lead")} />
      {!report ? (
        <EmptyState title={t("mark.noFinal")} />
      ) : (
        <ol className="space-y-4">
          {report.paragraphs.map((p) => (
            <Card key={p.anchor} as="li" className="space-y-3">
              <h2 className="font-semibold">{t("mark.paragraph", { anchor: p.anchor })}</h2>
              <p className="whitespace-pre-line break-words text-slate-900" lang={report.language}>
                {p.text}
              </p>
              {p.recommendationId ? (
                <p>
                  <Link href={`/report/follow-up/${p.recommendationId}`}>{t("mark.already")}</Link>
                </p>
              ) : (
                <ActionForm action={markRecommendationAction} aria-label={t("mark.submit", { anchor: p.anchor })}>
                  <input type="hidden" name="locale" value={locale} />
                  <input type="hidden" name="versionId" value={report.id} />
                  <input type="hidden" name="anchor" value={p.anchor} />
                  <Select name="addressee" label={t("mark.addressee", { anchor: p.anchor })} required requiredLabel={tc("requiredField")} defaultValue="STATES" options={ADDRESSEES.map((a) => ({ value: a, label: t(`addressees.${a}`) }))} />
                  <Button pendingLabel={t("working")}>{t("mark.submit", { anchor: p.anchor })}</Button>
                </ActionForm>
              )}
            </Card>
          ))}
        </ol>
      )}
    </>
  );
}
