import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Checkbox, CheckboxGroup } from "@/components/ui/checkbox-group";
import { Field, TextArea } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Select } from "@/components/ui/select";
import { requireSignedIn } from "@/lib/auth/guards";
import { countrySelectOptions } from "@/lib/organizations/options";
import { ORGANIZATION_LIMITS, ORGANIZATION_TYPES } from "@/lib/organizations/schemas";
import { Link } from "@/i18n/navigation";
import { resolvePageLocale } from "@/i18n/page-locale";
import { locales } from "@/i18n/routing";
import { registerOrganizationAction } from "../actions";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const locale = await resolvePageLocale(params);
  const t = await getTranslations({ locale, namespace: "organizations.register" });
  return { title: t("title") };
}

export default async function NewOrganizationPage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = await resolvePageLocale(params);
  const actor = await requireSignedIn(locale, "/organizations/new");
  const t = await getTranslations("organizations");
  const tc = await getTranslations("common");
  const required = tc("requiredField");

  return (
    <div className="max-w-3xl">
      <PageHeader title={t("register.title")} lead={t("register.lead")} />
      <ActionForm action={registerOrganizationAction} aria-label={t("register.title")}>
        <input type="hidden" name="locale" value={locale} />
        <Field
          name="name"
          label={t("fields.name")}
          hint={t("fields.nameHint")}
          required
          requiredLabel={required}
          maxLength={ORGANIZATION_LIMITS.name}
          autoComplete="organization"
        />
        <Field name="acronym" label={t("fields.acronym")} hint={t("fields.acronymHint")} maxLength={ORGANIZATION_LIMITS.acronym} className="sm:max-w-xs" />
        <Select
          name="country"
          label={t("fields.country")}
          hint={t("fields.countryHint")}
          placeholder={tc("choose")}
          options={countrySelectOptions(locale)}
          required
          requiredLabel={required}
        />
        <Checkbox name="isDiaspora" label={t("fields.isDiaspora")} hint={t("fields.isDiasporaHint")} />
        <Select
          name="type"
          label={t("fields.type")}
          placeholder={tc("choose")}
          options={ORGANIZATION_TYPES.map((type) => ({ value: type, label: tc(`organizationTypes.${type}`) }))}
          required
          requiredLabel={required}
        />
        <CheckboxGroup
          name="languages"
          legend={`${t("fields.languages")} (${required})`}
          hint={t("fields.languagesHint")}
          options={locales.map((l) => ({ value: l, label: tc(`languages.${l}`) }))}
          defaultValue={[locale]}
          columns={2}
        />
        <Field
          name="website"
          type="url"
          inputMode="url"
          label={t("fields.website")}
          hint={t("fields.websiteHint")}
          maxLength={ORGANIZATION_LIMITS.website}
          autoComplete="url"
        />
        <TextArea
          name="description"
          label={t("fields.description")}
          hint={t("fields.descriptionHint")}
          required
          requiredLabel={required}
          maxLength={ORGANIZATION_LIMITS.description}
          rows={8}
        />
        <Field
          name="contactEmail"
          type="email"
          label={t("fields.contactEmail")}
          hint={t("fields.contactEmailHint")}
          required
          requiredLabel={required}
          maxLength={ORGANIZATION_LIMITS.contactEmail}
          autoComplete="email"
          defaultValue={actor.email}
        />
        <div className="flex flex-wrap items-center gap-4">
          <Button pendingLabel={t("register.submitting")}>{t("register.submit")}</Button>
          <Link href="/organizations">{tc("cancel")}</Link>
        </div>
      </ActionForm>
    </div>
  );
}
