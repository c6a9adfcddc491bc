import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ComingSoon } from "@/components/layout/coming-soon";
import { resolvePageLocale } from "@/i18n/page-locale";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const locale = await resolvePageLocale(params);
  const t = await getTranslations({ locale, namespace: "common" });
  return { title: t("nav.proposals") };
}

export default async function Page({ params }: { params: Promise<{ locale: string }> }) {
  await resolvePageLocale(params);
  return <ComingSoon section="proposals" />;
}
