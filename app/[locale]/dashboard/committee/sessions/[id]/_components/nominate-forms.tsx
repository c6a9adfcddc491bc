import { randomUUID } from "node:crypto";
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { buttonClass } from "@/components/ui/button-class";
import { Checkbox, CheckboxGroup } from "@/components/ui/checkbox-group";
import { Field, TextArea } from "@/components/ui/field";
import { inputClass } from "@/components/ui/input-class";
import { Select } from "@/components/ui/select";
import { countryName } from "@/lib/i18n/countries";
import type { MemberChoice as MemberResult, WorkspaceSession } from "@/lib/nominations/queries";
import { GENDERS, NOMINATION_LIMITS, SPEAKER_ROLES } from "@/lib/nominations/schemas";
import { countrySelectOptions } from "@/lib/organizations/options";
import { locales, type AppLocale } from "@/i18n/routing";
import { nominateAction } from "@/app/[locale]/dashboard/committee/actions";
import { MemberChoice } from "@/components/nominations/member-choice";

/** The fields both ways of nominating share: role, rationale, gender (and its description), languages, invitation. */
async function SharedFields({ session }: { session: WorkspaceSession }) {
  const [t, tg, tc] = await Promise.all([getTranslations("nominations.nominate"), getTranslations("nominations.genders"), getTranslations("common")]);
  const roles = SPEAKER_ROLES.filter((role) => session.seats[role].total > 0);
  return (
    <>
      <Select
        name="role"
        label={t("role")}
        required
        requiredLabel={tc("requiredField")}
        placeholder={tc("choose")}
        options={roles.map((role) => ({
          value: role,
          label: t("roleOption", { role: tc(`speakerRoles.${role}`), filled: session.seats[role].filled, total: session.seats[role].total }),
        }))}
      />
      <TextArea
        name="rationale"
        label={t("rationale")}
        hint={t("rationaleHint")}
        required
        requiredLabel={tc("requiredField")}
        maxLength={NOMINATION_LIMITS.rationale}
        rows={4}
      />
      {/* A fixed choice, so the balance counts people, not spellings; the empty option is "not known". */}
      <Select name="gender" label={t("gender")} hint={t("genderHint")} placeholder={t("genderNotKnown")} options={GENDERS.map((g) => ({ value: g, label: tg(g) }))} />
      <Field
        name="genderDescription"
        label={t("genderDescription")}
        hint={t("genderDescriptionHint")}
        maxLength={NOMINATION_LIMITS.gender}
        autoComplete="off"
      />
      <CheckboxGroup
        name="languages"
        legend={t("languages")}
        hint={t("languagesHint")}
        options={locales.map((l) => ({ value: l, label: tc(`languages.${l}`) }))}
        columns={2}
      />
      <Checkbox name="sendInvitation" label={t("sendInvitation")} hint={t("sendInvitationHint")} defaultChecked />
    </>
  );
}

/**
 * Nominating, while the session is open for nominations: a member of a verified organization
 * found with the search (a GET form, so it works without JavaScript: the page comes back with
 * the results as radio buttons), or someone without an account. Each form carries a random
 * idempotency key: posting it twice creates one nomination.
 */
export async function NominateForms({
  session,
  locale,
  query,
  results,
  badQuery = false,
}: {
  session: WorkspaceSession;
  locale: AppLocale;
  /** What was searched (as typed), or null. */
  query: string | null;
  /** The search's results; null when nothing (valid) was searched. */
  results: MemberResult[] | null;
  /** Something was typed that is too short or too long to search. */
  badQuery?: boolean;
}) {
  const [t, tc] = await Promise.all([getTranslations("nominations.nominate"), getTranslations("common")]);
  const hidden = (type: "member" | "external") => (
    <>
      <input type="hidden" name="idempotencyKey" value={randomUUID()} />
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="sessionId" value={session.id} />
      <input type="hidden" name="nomineeType" value={type} />
    </>
  );
  const here = `/${locale}/dashboard/committee/sessions/${session.id}`;

  return (
    <section id="nominate" aria-labelledby="nominate-heading" className="scroll-mt-4 space-y-4">
      <h2 id="nominate-heading" className="text-xl font-semibold text-slate-950">
        {t("heading")}
      </h2>
      <p className="max-w-3xl text-slate-800">{t("lead")}</p>
      <div className="grid gap-6 lg:grid-cols-2">
        <div className="space-y-4 rounded-lg border border-slate-300 bg-white p-5">
          <h3 className="text-lg font-semibold text-slate-950">{t("memberHeading")}</h3>
          <form method="get" action={`${here}#nominate`} role="search" aria-label={t("searchLabel")} className="space-y-2">
            <label htmlFor="member-search" className="block font-medium text-slate-900">
              {t("search")}
            </label>
            <p id="member-search-hint" className="text-sm text-slate-700">
              {t("searchHint")}
            </p>
            <div className="flex flex-wrap gap-2">
              <input
                id="member-search"
                type="search"
                name="q"
                defaultValue={query ?? ""}
                minLength={NOMINATION_LIMITS.searchMin}
                maxLength={NOMINATION_LIMITS.searchMax}
                aria-describedby="member-search-hint"
                className={`${inputClass} max-w-xs`}
              />
              <button type="submit" className={buttonClass("secondary")}>
                {t("searchButton")}
              </button>
            </div>
          </form>
          {badQuery ? (
            <p role="status" className="font-medium text-red-800">
              {t("searchTooShort")}
            </p>
          ) : null}
          {results === null ? null : results.length === 0 ? (
            <p role="status" className="text-slate-900">
              {t("noResults", { query: query ?? "" })}
            </p>
          ) : (
            <ActionForm action={nominateAction} aria-label={t("memberFormLabel")}>
              {hidden("member")}
              <MemberChoice
                name="member"
                legend={t("memberChoice")}
                hint={t("resultsCount", { count: results.length })}
                options={results.map((m) => ({
                  value: `${m.userId}:${m.organizationId}`,
                  label: t("memberOption", { name: m.name, organization: m.organizationName, country: countryName(m.country, locale) }),
                }))}
              />
              <SharedFields session={session} />
              <Button pendingLabel={t("working")}>{t("submit")}</Button>
            </ActionForm>
          )}
        </div>

        <div className="space-y-4 rounded-lg border border-slate-300 bg-white p-5">
          <h3 className="text-lg font-semibold text-slate-950">{t("externalHeading")}</h3>
          <ActionForm action={nominateAction} aria-label={t("externalFormLabel")}>
            {hidden("external")}
            <Field name="nomineeName" label={t("nomineeName")} required requiredLabel={tc("requiredField")} maxLength={NOMINATION_LIMITS.name} autoComplete="off" />
            <Field
              name="nomineeEmail"
              type="email"
              label={t("nomineeEmail")}
              hint={t("nomineeEmailHint")}
              required
              requiredLabel={tc("requiredField")}
              maxLength={NOMINATION_LIMITS.email}
              autoComplete="off"
            />
            <Field
              name="nomineeOrganizationName"
              label={t("nomineeOrganization")}
              required
              requiredLabel={tc("requiredField")}
              maxLength={NOMINATION_LIMITS.organizationName}
              autoComplete="off"
            />
            <Select
              name="nomineeCountry"
              label={t("nomineeCountry")}
              required
              requiredLabel={tc("requiredField")}
              placeholder={tc("choose")}
              options={countrySelectOptions(locale)}
            />
            <SharedFields session={session} />
            <Button pendingLabel={t("working")}>{t("submit")}</Button>
          </ActionForm>
        </div>
      </div>
    </section>
  );
}
