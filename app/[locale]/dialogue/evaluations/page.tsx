import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { EvaluationSubject } from "@/components/evaluations/subject";
import { LocalizedLine } from "@/components/evaluations/localized";
import { PhaseBadge } from "@/components/evaluations/phase-badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Link } from "@/i18n/navigation";
import { resolvePageLocale } from "@/i18n/page-locale";
import { getCurrentActor } from "@/lib/auth/session";
import { canManageEvaluations, evaluationPhase } from "@/lib/evaluations/policy";
import { listPublicEvaluations } from "@/lib/evaluations/queries";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await resolvePageLocale(params);
  const t = await getTranslations({ locale, namespace: "evaluations" });
  return { title: t("list.title") };
}

const linkClass = "font-medium text-blue-800 underline";

/** Every evaluation of the process that is not a draft: open ones to answer, closed ones with their results. */
export default async function EvaluationsPage({ params }: Props) {
  const locale = await resolvePageLocale(params);
  const [t, format, actor, evaluations] = await Promise.all([getTranslations("evaluations"), getFormatter(), getCurrentActor(), listPublicEvaluations()]);
  const now = new Date();
  const day = (d: Date) => format.dateTime(d, { dateStyle: "long", timeZone: "UTC" });
  return (
    <>
      <PageHeader
        title={t("list.title")}
        lead={t("list.lead")}
        actions={
          canManageEvaluations(actor) ? (
            <Link href="/dashboard/evaluations" className={linkClass}>
              {t("list.manage")}
            </Link>
          ) : null
        }
      />
      {evaluations.length === 0 ? (
        <EmptyState title={t("list.empty")} />
      ) : (
        <ul className="space-y-4">
          {evaluations.map((e) => (
            <Card key={e.id} as="li" className="min-w-0 space-y-2">
              <h2 className="text-xl font-semibold break-words">
                <Link href={`/dialogue/evaluations/${e.id}`} className={linkClass}>
                  <LocalizedLine value={e.title} locale={locale} />
                </Link>
              </h2>
              <p className="flex flex-wrap items-center gap-2">
                <PhaseBadge phase={evaluationPhase(e, now)} />
                <span>{t("dates", { opensOn: day(e.opensOn), closesOn: day(e.closesOn) })}</span>
              </p>
              <EvaluationSubject session={e.session} locale={locale} className="break-words" />
              <p className="text-slate-800">{t("answerCount", { count: e.answerCount })}</p>
            </Card>
          ))}
        </ul>
      )}
    </>
  );
}
