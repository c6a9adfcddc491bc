import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { LocalizedLine } from "@/components/evaluations/localized";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Link } from "@/i18n/navigation";
import { resolvePageLocale } from "@/i18n/page-locale";
import { getCurrentActor } from "@/lib/auth/session";
import { canOpenConsultations } from "@/lib/consultations/policy";
import { listConsultations } from "@/lib/consultations/queries";
import { PhaseBadge } from "./_components/parts";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await resolvePageLocale(params);
  const [t, tf] = await Promise.all([getTranslations({ locale, namespace: "consultations" }), getTranslations({ locale, namespace: "dialogueFeeds" })]);
  return {
    title: t("title"),
    description: t("lead"),
    alternates: { types: { "application/atom+xml": [{ url: `/${locale}/dialogue/consultations/feed.xml`, title: tf("consultations.title") }] } },
  };
}

/** Every consultation the reader may see: open ones first, then those closed and synthesized; drafts for those who run them. */
export default async function ConsultationsPage({ params }: Props) {
  const locale = await resolvePageLocale(params);
  const now = new Date();
  const actor = await getCurrentActor();
  const [t, tf, format, consultations] = await Promise.all([getTranslations("consultations"), getTranslations("dialogueFeeds"), getFormatter(), listConsultations(actor, now)]);
  const day = (d: Date) => format.dateTime(d, { dateStyle: "long", timeZone: "UTC" });
  return (
    <>
      <PageHeader
        title={t("title")}
        lead={t("lead")}
        actions={
          canOpenConsultations(actor) ? (
            <Link href="/dialogue/consultations/new" className="font-medium text-blue-800 underline">
              {t("new")}
            </Link>
          ) : null
        }
      />
      <p className="mb-4">
        <a href={`/${locale}/dialogue/consultations/feed.xml`} type="application/atom+xml">
          {tf("consultations.link")}
        </a>
      </p>
      {consultations.length === 0 ? <p className="text-slate-800">{t("none")}</p> : null}
      <ul className="grid max-w-4xl gap-4">
        {consultations.map((c) => (
          <Card key={c.id} as="li" className="min-w-0 space-y-2">
            <h2 className="text-xl font-semibold break-words text-slate-950">
              <Link href={`/dialogue/consultations/${c.id}`}>
                <LocalizedLine value={c.title} locale={locale} />
              </Link>
            </h2>
            <p className="flex flex-wrap items-center gap-2 text-slate-800">
              <PhaseBadge phase={c.phase} />
              <span>{t("dates", { opensOn: day(c.opensOn), closesOn: day(c.closesOn) })}</span>
              <span>· {t("contributionCount", { count: c.contributions })}</span>
            </p>
          </Card>
        ))}
      </ul>
    </>
  );
}
