import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Field, TextArea } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Select } from "@/components/ui/select";
import { Link } from "@/i18n/navigation";
import { resolvePageLocale } from "@/i18n/page-locale";
import { locales } from "@/i18n/routing";
import { getCurrentActor } from "@/lib/auth/session";
import { canSuggestInitiative, verifiedMemberships } from "@/lib/champions/policy";
import { listChampionCountries } from "@/lib/champions/queries";
import { CHAMPION_LIMITS } from "@/lib/champions/schemas";
import { countryOptions } from "@/lib/i18n/countries";
import { suggestInitiativeAction } from "../actions";
import { DoneNotice } from "../_components/done-notice";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await resolvePageLocale(params);
  const t = await getTranslations({ locale, namespace: "champions.suggest" });
  return { title: t("title") };
}

/** A verified organization's member tells staff about an initiative not listed yet. */
export default async function SuggestInitiativePage({ params, searchParams }: Props) {
  const locale = await resolvePageLocale(params);
  const actor = await getCurrentActor();
  const [t, tc, champions] = await Promise.all([getTranslations("champions"), getTranslations("common"), listChampionCountries()]);
  const organizations = verifiedMemberships(actor);
  const allowed = canSuggestInitiative(actor, organizations.length > 0);
  return (
    <>
      <PageHeader title={t("suggest.title")} lead={t("suggest.lead")} />
      <div className="max-w-3xl space-y-4">
        <DoneNotice done={(await searchParams).done} />
        {!actor ? (
          <p>
            <Link href={`/sign-in?next=/${locale}/champions/suggest`}>{t("tools.signIn")}</Link>
          </p>
        ) : !allowed ? null : (
          <ActionForm action={suggestInitiativeAction} aria-label={t("suggest.title")}>
            <input type="hidden" name="locale" value={locale} />
            {organizations.length > 1 ? (
              <Select name="organizationId" label={t("suggest.organization")} required requiredLabel={tc("requiredField")} placeholder={t("assess.chooseOrganization")} options={organizations.map((o) => ({ value: o.organizationId, label: o.organizationName }))} />
            ) : (
              <input type="hidden" name="organizationId" value={organizations[0].organizationId} />
            )}
            <Select name="country" label={t("suggest.country")} required requiredLabel={tc("requiredField")} placeholder={t("form.chooseCountry")} options={countryOptions(locale, champions.map((c) => c.country))} />
            <Select name="language" label={t("suggest.language")} defaultValue={locale} options={locales.map((l) => ({ value: l, label: tc(`languages.${l}`) }))} />
            <Field name="title" label={t("suggest.suggestionTitle")} required requiredLabel={tc("requiredField")} maxLength={CHAMPION_LIMITS.title} />
            <TextArea name="description" label={t("suggest.description")} required requiredLabel={tc("requiredField")} maxLength={CHAMPION_LIMITS.description} rows={5} />
            <Field name="publicBody" label={t("suggest.publicBody")} maxLength={CHAMPION_LIMITS.publicBody} />
            <Field name="sourceUrl" type="url" inputMode="url" label={t("suggest.sourceUrl")} maxLength={CHAMPION_LIMITS.url} />
            <Button pendingLabel={t("working")}>{t("suggest.submit")}</Button>
          </ActionForm>
        )}
      </div>
    </>
  );
}
