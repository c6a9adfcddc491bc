import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SessionForm } from "@/components/sessions/session-form";
import { createSessionAction } from "../actions";
import { PageHeader } from "@/components/ui/page-header";
import { Link } from "@/i18n/navigation";
import { resolvePageLocale } from "@/i18n/page-locale";
import { requireStaff } from "@/lib/auth/guards";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const locale = await resolvePageLocale(params);
  const t = await getTranslations({ locale, namespace: "sessionDesk" });
  return { title: t("form.newTitle"), robots: { index: false } };
}

/** Staff: a new session, saved as a draft that only staff see. */
export default async function NewSessionPage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = await resolvePageLocale(params);
  await requireStaff(locale, "/dashboard/sessions/new");
  const t = await getTranslations("sessionDesk");
  return (
    <>
      <p className="mb-3">
        <Link href="/dashboard/sessions">{t("back")}</Link>
      </p>
      <PageHeader title={t("form.newTitle")} lead={t("form.newLead")} />
      <SessionForm mode="create" locale={locale} action={createSessionAction} />
    </>
  );
}
