import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Link } from "@/i18n/navigation";
import { resolvePageLocale } from "@/i18n/page-locale";
import { getCurrentActor } from "@/lib/auth/session";
import { canRequestDisclosure, organizationsWhoseLinksActorSees } from "@/lib/dialogue/policy";
import { countDisclosures } from "@/lib/dialogue/pseudonym-queries";
import { responsiveness } from "@/lib/dialogue/queries";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await resolvePageLocale(params);
  const t = await getTranslations({ locale, namespace: "dialogue" });
  return { title: t("hub.title"), description: t("hub.lead") };
}

/** The permanent dialogue's front page: where to ask, who answers, and how responsive they are. */
export default async function DialogueHubPage({ params }: Props) {
  await resolvePageLocale(params);
  const now = new Date();
  const [t, tcons, format, actor, stats, disclosures] = await Promise.all([
    getTranslations("dialogue"),
    getTranslations("consultations"),
    getFormatter(),
    getCurrentActor(),
    responsiveness(null, now),
    countDisclosures(),
  ]);
  const seesLinks = organizationsWhoseLinksActorSees(actor).length > 0 || canRequestDisclosure(actor);
  return (
    <>
      <PageHeader title={t("hub.title")} lead={t("hub.lead")} />
      <div className="space-y-8">
        <ul className="grid gap-4 sm:grid-cols-2">
          <li>
            <Card>
              <h2 className="text-xl font-semibold text-slate-950">
                <Link href="/dialogue/questions">{t("hub.questions")}</Link>
              </h2>
              <p className="mt-2 text-slate-800">{t("hub.questionsLead")}</p>
            </Card>
          </li>
          <li>
            <Card>
              <h2 className="text-xl font-semibold text-slate-950">
                <Link href="/dialogue/delegates">{t("hub.delegates")}</Link>
              </h2>
              <p className="mt-2 text-slate-800">{t("hub.delegatesLead")}</p>
            </Card>
          </li>
          <li>
            <Card>
              <h2 className="text-xl font-semibold text-slate-950">
                <Link href="/dialogue/consultations">{tcons("title")}</Link>
              </h2>
              <p className="mt-2 text-slate-800">{tcons("hubLead")}</p>
            </Card>
          </li>
          <li>
            <Card>
              <h2 className="text-xl font-semibold text-slate-950">
                <Link href="/sessions">{t("hub.sessionQuestions")}</Link>
              </h2>
              <p className="mt-2 text-slate-800">{t("hub.sessionQuestionsLead")}</p>
            </Card>
          </li>
          <li>
            <Card>
              <h2 className="text-xl font-semibold text-slate-950">
                <Link href="/dialogue/evaluations">{t("hub.evaluations")}</Link>
              </h2>
              <p className="mt-2 text-slate-800">{t("hub.evaluationsLead")}</p>
            </Card>
          </li>
        </ul>
        <section aria-labelledby="responsiveness" className="space-y-2">
          <h2 id="responsiveness" className="text-xl font-semibold text-slate-950">
            {t("hub.responsiveness")}
          </h2>
          <p className="text-slate-800">
            {t("stats.summary", { answered: stats.answered, overdue: stats.overdue, awaiting: stats.awaiting })}{" "}
            {stats.medianDays === null ? t("stats.noMedian") : t("stats.median", { days: format.number(stats.medianDays) })}
          </p>
        </section>
        <section aria-labelledby="protected" className="space-y-2">
          <h2 id="protected" className="text-xl font-semibold text-slate-950">
            {t("hub.protectedVoice")}
          </h2>
          <p className="text-slate-800">{t("hub.protectedVoiceLead")}</p>
          <p className="text-slate-800">{t("hub.disclosures", { count: disclosures })}</p>
          {seesLinks ? (
            <p>
              <Link href="/dialogue/pseudonyms">{t("pseudonyms.title")}</Link>
            </p>
          ) : null}
        </section>
      </div>
    </>
  );
}
