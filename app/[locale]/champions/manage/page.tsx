import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Field, TextArea } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Select } from "@/components/ui/select";
import { resolvePageLocale } from "@/i18n/page-locale";
import { getCurrentActor } from "@/lib/auth/session";
import { canManageChampions } from "@/lib/champions/policy";
import { dayOf, listChampionTerms, listPendingSuggestions } from "@/lib/champions/queries";
import { CHAMPION_LIMITS } from "@/lib/champions/schemas";
import { countryName, countryOptions } from "@/lib/i18n/countries";
import { safeHref } from "@/components/champions/labels";
import { acceptSuggestionAction, addChampionTermAction, declineSuggestionAction, endChampionTermAction } from "../actions";
import { DoneNotice } from "../_components/done-notice";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await resolvePageLocale(params);
  const t = await getTranslations({ locale, namespace: "champions.manage" });
  return { title: t("title") };
}

/** Staff's desk: champion terms (add, end) and the queue of suggested initiatives (accept, decline with a reason). */
export default async function ManageChampionsPage({ params, searchParams }: Props) {
  const locale = await resolvePageLocale(params);
  const actor = await getCurrentActor();
  if (!canManageChampions(actor)) notFound();
  const [t, tc, format, terms, suggestions] = await Promise.all([getTranslations("champions"), getTranslations("common"), getFormatter(), listChampionTerms(), listPendingSuggestions(actor)]);
  const day = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeZone: "UTC" });
  const today = dayOf(new Date());
  const hidden = <input type="hidden" name="locale" value={locale} />;
  return (
    <>
      <PageHeader title={t("manage.title")} lead={t("manage.lead")} />
      <div className="mb-6">
        <DoneNotice done={(await searchParams).done} />
      </div>
      <div className="grid gap-8 lg:grid-cols-2">
        <section aria-labelledby="terms-heading" className="min-w-0 space-y-4">
          <h2 id="terms-heading" className="text-xl font-semibold">
            {t("manage.termsHeading")}
          </h2>
          <Card className="space-y-3">
            <h3 className="text-lg font-semibold">{t("manage.addTerm")}</h3>
            <ActionForm action={addChampionTermAction} aria-label={t("manage.addTerm")}>
              {hidden}
              <Select name="country" label={t("manage.country")} required requiredLabel={tc("requiredField")} placeholder={t("form.chooseCountry")} options={countryOptions(locale)} />
              <Field name="startsOn" type="date" label={t("manage.startsOn")} required requiredLabel={tc("requiredField")} />
              <Field name="endsOn" type="date" label={t("manage.endsOn")} hint={t("manage.endsOnHint")} />
              <Button pendingLabel={t("working")}>{t("manage.add")}</Button>
            </ActionForm>
          </Card>
          {terms.length === 0 ? (
            <p className="text-slate-800">{t("manage.noTerms")}</p>
          ) : (
            <ul className="space-y-3">
              {terms.map((term) => {
                const name = countryName(term.country, locale);
                const open = !term.endsOn || term.endsOn >= today;
                return (
                  <Card key={term.id} as="li" className="space-y-2">
                    <p className="font-medium">{name}</p>
                    <p className="text-sm text-slate-800">{term.endsOn ? t("country.currentUntil", { since: day(term.startsOn), until: day(term.endsOn) }) : t("country.current", { since: day(term.startsOn) })}</p>
                    {open ? (
                      <ActionForm action={endChampionTermAction} aria-label={t("manage.end", { country: name })} className="space-y-3">
                        {hidden}
                        <input type="hidden" name="termId" value={term.id} />
                        <Field name="endsOn" type="date" label={t("manage.endOn", { country: name })} />
                        <Button variant="secondary" pendingLabel={t("working")}>
                          {t("manage.end", { country: name })}
                        </Button>
                      </ActionForm>
                    ) : null}
                  </Card>
                );
              })}
            </ul>
          )}
        </section>

        <section aria-labelledby="suggestions-heading" className="min-w-0 space-y-4">
          <h2 id="suggestions-heading" className="text-xl font-semibold">
            {t("manage.suggestionsHeading")}
          </h2>
          {suggestions.length === 0 ? (
            <EmptyState title={t("manage.noSuggestions")} />
          ) : (
            <ul className="space-y-4">
              {suggestions.map((s) => {
                const href = s.sourceUrl ? safeHref(s.sourceUrl) : null;
                return (
                  <Card key={s.id} as="li" className="space-y-3">
                    <h3 className="text-lg font-semibold break-words" lang={s.language}>
                      {s.title}
                    </h3>
                    <p className="text-sm text-slate-800">
                      {countryName(s.country, locale)}
                      {s.publicBody ? ` · ${s.publicBody}` : null} · {t("manage.suggestedBy", { organization: s.organization.name, date: format.dateTime(s.createdAt, "short") })}
                    </p>
                    <p className="whitespace-pre-line break-words" lang={s.language}>
                      {s.description}
                    </p>
                    {href ? (
                      <p className="break-words">
                        <a href={href} rel="noopener noreferrer nofollow">
                          {href}
                        </a>
                      </p>
                    ) : null}
                    <ActionForm action={acceptSuggestionAction} aria-label={t("manage.accept")}>
                      {hidden}
                      <input type="hidden" name="suggestionId" value={s.id} />
                      <Button pendingLabel={t("working")}>{t("manage.accept")}</Button>
                    </ActionForm>
                    <ActionForm action={declineSuggestionAction} aria-label={t("manage.decline")} className="space-y-3">
                      {hidden}
                      <input type="hidden" name="suggestionId" value={s.id} />
                      <TextArea name="reason" label={t("manage.declineReason")} required requiredLabel={tc("requiredField")} maxLength={CHAMPION_LIMITS.reason} rows={2} />
                      <Button variant="danger" pendingLabel={t("working")}>
                        {t("manage.decline")}
                      </Button>
                    </ActionForm>
                  </Card>
                );
              })}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}
