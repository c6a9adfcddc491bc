import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { resolvePageLocale } from "@/i18n/page-locale";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const locale = await resolvePageLocale(params);
  const t = await getTranslations({ locale, namespace: "accountData" });
  return { title: t("delete.heading"), robots: { index: false } };
}

/** Where a person lands after deleting their account: signed out, with nothing of theirs left to show. */
export default async function AccountDeletedPage({ params }: { params: Promise<{ locale: string }> }) {
  await resolvePageLocale(params);
  const t = await getTranslations("accountData");
  return (
    <>
      <PageHeader title={t("delete.heading")} />
      <Alert tone="success" live>
        {t("delete.done")}
      </Alert>
    </>
  );
}
