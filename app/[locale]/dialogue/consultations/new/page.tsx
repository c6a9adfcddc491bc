import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { resolvePageLocale } from "@/i18n/page-locale";
import { requireSignedIn } from "@/lib/auth/guards";
import { canOpenConsultations } from "@/lib/consultations/policy";
import { createConsultationAction } from "../actions";
import { ConsultationFields } from "../_components/consultation-fields";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await resolvePageLocale(params);
  const t = await getTranslations({ locale, namespace: "consultations" });
  return { title: t("new"), robots: { index: false } };
}

/** Staff and delegates write a new consultation; it stays a draft until they open it. */
export default async function NewConsultationPage({ params }: Props) {
  const locale = await resolvePageLocale(params);
  const actor = await requireSignedIn(locale, "/dialogue/consultations/new");
  if (!canOpenConsultations(actor)) notFound();
  const t = await getTranslations("consultations");
  return (
    <>
      <PageHeader title={t("new")} lead={t("desk.newLead")} />
      <ActionForm action={createConsultationAction} aria-label={t("new")} className="max-w-3xl space-y-5">
        <input type="hidden" name="locale" value={locale} />
        <ConsultationFields />
        <Button pendingLabel={t("working")}>{t("desk.create")}</Button>
      </ActionForm>
    </>
  );
}
