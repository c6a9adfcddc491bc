import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Link } from "@/i18n/navigation";
import { resolvePageLocale } from "@/i18n/page-locale";
import { findInstitution, listDelegates, responsiveness } from "@/lib/dialogue/queries";
import { DelegateCards } from "../../_components/delegate-cards";
import { institutionName } from "../../_components/parts";

type Props = { params: Promise<{ locale: string; slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await resolvePageLocale(params);
  const institution = await findInstitution((await params).slug);
  const t = await getTranslations({ locale, namespace: "dialogue" });
  return { title: institution ? institutionName(t, institution, locale) : t("hub.title") };
}

/** One institution: its delegates and how responsive it is (answered, overdue, median days to answer). */
export default async function InstitutionPage({ params }: Props) {
  const locale = await resolvePageLocale(params);
  const institution = await findInstitution((await params).slug);
  if (!institution) notFound();
  const [t, format, delegates, stats] = await Promise.all([getTranslations("dialogue"), getFormatter(), listDelegates(institution.id), responsiveness(institution.id, new Date())]);
  const name = institutionName(t, institution, locale);
  return (
    <>
      <PageHeader title={name} lead={t("institution.lead")} />
      <div className="space-y-8">
        <section aria-labelledby="stats" className="space-y-2">
          <h2 id="stats" className="text-xl font-semibold text-slate-950">
            {t("hub.responsiveness")}
          </h2>
          <dl className="grid gap-3 sm:grid-cols-3">
            {(["answered", "overdue", "awaiting"] as const).map((k) => (
              <div key={k} className="rounded-lg border border-slate-300 bg-white p-3">
                <dt className="text-slate-800">{t(`status.${k}`)}</dt>
                <dd className="text-2xl font-semibold text-slate-950">{format.number(stats[k])}</dd>
              </div>
            ))}
          </dl>
          <p className="text-slate-800">{stats.medianDays === null ? t("stats.noMedian") : t("stats.median", { days: format.number(stats.medianDays) })}</p>
          <p className="flex flex-wrap gap-x-4 gap-y-1">
            <Link href={`/dialogue/questions?institution=${institution.slug}`}>{t("institution.questions")}</Link>
            <Link href={`/dialogue/questions/new?to=institution:${institution.id}`}>{t("institution.ask", { name })}</Link>
          </p>
        </section>
        <section aria-labelledby="delegates" className="space-y-3">
          <h2 id="delegates" className="text-xl font-semibold text-slate-950">
            {t("delegates.title")}
          </h2>
          {delegates.length === 0 ? <EmptyState title={t("delegates.empty")} /> : <DelegateCards delegates={delegates} locale={locale} showInstitution={false} />}
        </section>
      </div>
    </>
  );
}
