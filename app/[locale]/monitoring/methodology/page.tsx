import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { Link } from "@/i18n/navigation";
import { resolvePageLocale } from "@/i18n/page-locale";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await resolvePageLocale(params);
  const t = await getTranslations({ locale, namespace: "monitoringPublic" });
  return { title: t("methodology.title"), description: t("methodology.lead") };
}

// The same rules as lib/monitoring/public-queries.ts (what is counted) and
// lib/monitoring/aggregates.ts (suppression), in words.
const SECTIONS = ["counted", "iceberg", "review", "suppression", "never"] as const;

export default async function MonitoringMethodologyPage({ params }: Props) {
  await resolvePageLocale(params);
  const t = await getTranslations("monitoringPublic");
  return (
    <>
      <p className="mb-3">
        <Link href="/monitoring">{t("methodology.back")}</Link>
      </p>
      <PageHeader title={t("methodology.title")} lead={t("methodology.lead")} />
      <div className="max-w-3xl space-y-8">
        {SECTIONS.map((key) => (
          <section key={key} aria-labelledby={`methodology-${key}`} className="space-y-2">
            <h2 id={`methodology-${key}`} className="text-xl font-semibold">
              {t(`methodology.${key}Heading`)}
            </h2>
            <p className="text-slate-900">{t(`methodology.${key}`)}</p>
          </section>
        ))}
      </div>
    </>
  );
}
