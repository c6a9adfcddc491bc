import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { CheckboxGroup } from "@/components/ui/checkbox-group";
import { Field, TextArea } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { resolvePageLocale } from "@/i18n/page-locale";
import { locales } from "@/i18n/routing";
import { requireSignedIn } from "@/lib/auth/guards";
import { findOwnDelegateProfile } from "@/lib/dialogue/queries";
import { DIALOGUE_LIMITS, SPOKEN_LANGUAGES } from "@/lib/dialogue/schemas";
import { editDelegateProfileAction } from "../../actions";
import { institutionName } from "../../_components/parts";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await resolvePageLocale(params);
  const t = await getTranslations({ locale, namespace: "dialogue" });
  return { title: t("profile.title"), robots: { index: false } };
}

const FIELD = { es: "portfolioEs", en: "portfolioEn", pt: "portfolioPt", fr: "portfolioFr" } as const;

/** A delegate writes their public profile: the name shown, their portfolio in the languages they write, the languages they speak. */
export default async function DelegateProfilePage({ params }: Props) {
  const locale = await resolvePageLocale(params);
  const actor = await requireSignedIn(locale, "/dialogue/delegates/profile");
  const [t, tc, profile] = await Promise.all([getTranslations("dialogue"), getTranslations("common"), findOwnDelegateProfile(actor)]);
  return (
    <>
      <PageHeader title={t("profile.title")} lead={profile ? institutionName(t, profile.institution, locale) : undefined} />
      <div className="max-w-3xl">
        {!profile ? (
          <p className="text-slate-800">{t("profile.notDelegate")}</p>
        ) : (
          <ActionForm action={editDelegateProfileAction} aria-label={t("profile.title")}>
            <input type="hidden" name="locale" value={locale} />
            <Field name="displayName" label={t("profile.displayName")} defaultValue={profile.displayName} required requiredLabel={tc("requiredField")} maxLength={DIALOGUE_LIMITS.displayName} />
            {locales.map((l) => (
              <TextArea key={l} name={FIELD[l]} label={t("profile.portfolio", { language: tc(`languages.${l}`) })} defaultValue={profile.portfolio[l]} maxLength={DIALOGUE_LIMITS.portfolio} rows={3} lang={l} />
            ))}
            <CheckboxGroup
              name="languagesSpoken"
              legend={t("profile.languagesSpoken")}
              defaultValue={profile.languagesSpoken}
              columns={3}
              options={SPOKEN_LANGUAGES.map((code) => ({ value: code, label: new Intl.DisplayNames([locale], { type: "language" }).of(code) ?? code }))}
            />
            <Button pendingLabel={t("working")}>{t("profile.save")}</Button>
          </ActionForm>
        )}
      </div>
    </>
  );
}
