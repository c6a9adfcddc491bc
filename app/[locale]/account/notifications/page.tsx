import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/ui/action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Select } from "@/components/ui/select";
import { resolvePageLocale } from "@/i18n/page-locale";
import { requireSignedIn } from "@/lib/auth/guards";
import { CATEGORY_FIELD, categoriesFor, EMAIL_CADENCES } from "@/lib/email-preferences/categories";
import { emailPreferencesOf } from "@/lib/email-preferences/queries";
import { updateEmailPreferencesAction } from "./actions";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const locale = await resolvePageLocale(params);
  const t = await getTranslations({ locale, namespace: "emailPreferences" });
  return { title: t("title"), robots: { index: false } };
}

/** The signed-in person's email choices: one cadence per category, a plain form (works without JavaScript). */
export default async function EmailPreferencesPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const locale = await resolvePageLocale(params);
  const actor = await requireSignedIn(locale, "/account/notifications");
  const [t, preferences, { saved }] = await Promise.all([getTranslations("emailPreferences"), emailPreferencesOf(actor.userId), searchParams]);
  const options = EMAIL_CADENCES.map((c) => ({ value: c, label: t(`cadences.${c}`) }));
  return (
    <>
      <PageHeader title={t("title")} lead={t("lead")} />
      {saved === "1" ? (
        <div className="mb-6">
          <Alert tone="success" live>
            {t("saved")}
          </Alert>
        </div>
      ) : null}
      <Card>
        <ActionForm action={updateEmailPreferencesAction} aria-label={t("title")}>
          <input type="hidden" name="locale" value={locale} />
          {categoriesFor(actor).map((category) => (
            <Select key={category} name={CATEGORY_FIELD[category]} label={t(`categories.${category}`)} options={options} defaultValue={preferences[category]} />
          ))}
          <p className="text-sm text-slate-800">{t("schedule")}</p>
          <Button pendingLabel={t("working")}>{t("save")}</Button>
        </ActionForm>
      </Card>
    </>
  );
}
