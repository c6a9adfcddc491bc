import { randomUUID } from "node:crypto";
import { getFormatter, getTranslations } from "next-intl/server";
import { ActionForm, type FormStateAction } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Checkbox, CheckboxGroup } from "@/components/ui/checkbox-group";
import { Field, TextArea } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import type { Actor } from "@/lib/auth/actor";
import { GCM_OBJECTIVES } from "@/lib/gcm/objectives";
import type { Locale } from "@/lib/generated/prisma/enums";
import { countryOptions } from "@/lib/i18n/countries";
import { LAC_COUNTRIES } from "@/lib/organizations/subregions";
import { draftingOrganizationIds } from "@/lib/proposals/policy";
import { proposalSessionOptions } from "@/lib/proposals/queries";
import { PROPOSAL_LIMITS } from "@/lib/proposals/schemas";
import { Link } from "@/i18n/navigation";
import { locales, type AppLocale } from "@/i18n/routing";

/** Where most of the region's diaspora lives: offered after Latin America and the Caribbean. */
export const DIASPORA_COUNTRIES = ["US", "CA", "ES", "IT", "PT", "FR", "GB", "DE", "NL", "BE", "CH"] as const;

/** The draft being edited, as findEditableDraft() returns it. */
export type ProposalDraftValues = {
  id: string;
  title: string;
  summary: string;
  body: string;
  language: Locale;
  objectives: number[];
  countries: string[];
  concernsChildren: boolean;
  concernsGender: boolean;
  concernsIrregular: boolean;
  sessionId: string | null;
  organization: { name: string };
};

type Props = {
  locale: AppLocale;
  actor: Actor;
  /** The server action the form posts to: creating a proposal or updating the draft (the page picks it). */
  action: FormStateAction;
} & ({ mode: "create" } | { mode: "edit"; draft: ProposalDraftValues });

/**
 * Writing a new proposal or editing a draft. Works without JavaScript: every choice is a native
 * control (checkboxes for objectives and countries). A new form carries a random idempotency
 * key, so posting it twice creates one proposal.
 */
export async function ProposalForm(props: Props) {
  const { locale, actor, action } = props;
  const draft = props.mode === "edit" ? props.draft : null;
  const [t, tc, tg, format, sessions] = await Promise.all([
    getTranslations("proposals"),
    getTranslations("common"),
    getTranslations("gcm"),
    getFormatter(),
    // Open sessions, and the one the draft already names even if it has moved on since.
    proposalSessionOptions(locale, draft?.sessionId),
  ]);
  const required = tc("requiredField");
  const drafting = draftingOrganizationIds(actor);
  const organizations = actor.memberships.filter((m) => drafting.includes(m.organizationId));

  // LAC first, then the diaspora countries, then anything a draft already names that is in neither.
  const listed = new Set<string>([...LAC_COUNTRIES, ...DIASPORA_COUNTRIES]);
  const countryChoices = [
    ...countryOptions(locale, LAC_COUNTRIES),
    ...countryOptions(locale, DIASPORA_COUNTRIES),
    ...countryOptions(locale, (draft?.countries ?? []).filter((c) => !listed.has(c))),
  ];

  return (
    <ActionForm action={action} aria-label={draft ? t("edit.title") : t("new.title")}>
      <input type="hidden" name="locale" value={locale} />
      {draft ? (
        <input type="hidden" name="proposalId" value={draft.id} />
      ) : (
        <input type="hidden" name="idempotencyKey" value={randomUUID()} />
      )}

      {draft ? (
        <p className="font-medium text-slate-900">{t("fields.organizationFixed", { organizationName: draft.organization.name })}</p>
      ) : organizations.length === 1 ? (
        <>
          <input type="hidden" name="organizationId" value={organizations[0].organizationId} />
          <p className="font-medium text-slate-900">{t("fields.organizationFixed", { organizationName: organizations[0].organizationName })}</p>
        </>
      ) : (
        <Select
          name="organizationId"
          label={t("fields.organization")}
          hint={t("fields.organizationHint")}
          placeholder={tc("choose")}
          options={organizations.map((m) => ({ value: m.organizationId, label: m.organizationName }))}
          required
          requiredLabel={required}
        />
      )}

      <Field
        name="title"
        label={t("fields.title")}
        hint={t("fields.titleHint", { max: PROPOSAL_LIMITS.title })}
        required
        requiredLabel={required}
        maxLength={PROPOSAL_LIMITS.title}
        defaultValue={draft?.title}
      />
      <TextArea
        name="summary"
        label={t("fields.summary")}
        hint={t("fields.summaryHint", { max: PROPOSAL_LIMITS.summary })}
        required
        requiredLabel={required}
        maxLength={PROPOSAL_LIMITS.summary}
        rows={4}
        defaultValue={draft?.summary}
      />
      <TextArea
        name="body"
        label={t("fields.body")}
        hint={t("fields.bodyHint", { max: PROPOSAL_LIMITS.body })}
        required
        requiredLabel={required}
        maxLength={PROPOSAL_LIMITS.body}
        rows={16}
        defaultValue={draft?.body}
      />
      <Select
        name="language"
        label={t("fields.language")}
        hint={t("fields.languageHint")}
        options={locales.map((l) => ({ value: l, label: tc(`languages.${l}`) }))}
        defaultValue={draft?.language ?? locale}
        required
        requiredLabel={required}
        className="sm:max-w-xs"
      />
      <CheckboxGroup
        name="objectives"
        legend={`${t("fields.objectives")} (${required})`}
        hint={t("fields.objectivesHint")}
        options={GCM_OBJECTIVES.map((n) => ({ value: String(n), label: `${n}. ${tg(String(n))}` }))}
        defaultValue={draft?.objectives.map(String) ?? []}
        columns={1}
      />
      <CheckboxGroup
        name="countries"
        legend={t("fields.countries")}
        hint={t("fields.countriesHint")}
        options={countryChoices}
        defaultValue={draft?.countries ?? []}
        columns={3}
      />
      <fieldset className="space-y-2" aria-describedby="proposal-topics-hint">
        <legend className="font-medium text-slate-900">{t("fields.topics")}</legend>
        <p id="proposal-topics-hint" className="text-sm text-slate-700">
          {t("fields.topicsHint")}
        </p>
        <Checkbox name="concernsChildren" label={t("fields.concernsChildren")} defaultChecked={draft?.concernsChildren} />
        <Checkbox name="concernsGender" label={t("fields.concernsGender")} defaultChecked={draft?.concernsGender} />
        <Checkbox name="concernsIrregular" label={t("fields.concernsIrregular")} defaultChecked={draft?.concernsIrregular} />
      </fieldset>
      {sessions.length ? (
        <Select
          name="sessionId"
          label={t("fields.session")}
          hint={t("fields.sessionHint")}
          placeholder={t("fields.sessionNone")}
          options={sessions.map((s) => ({
            value: s.id,
            label: t("fields.sessionOption", {
              title: s.title,
              date: format.dateTime(s.startsAt, { dateStyle: "long", timeZone: s.timeZone }),
            }),
          }))}
          defaultValue={draft?.sessionId ?? ""}
        />
      ) : (
        <p className="text-sm text-slate-700">{t("fields.sessionNoneOpen")}</p>
      )}

      <div className="flex flex-wrap items-center gap-4">
        <Button pendingLabel={draft ? t("edit.saving") : t("new.saving")}>{draft ? t("edit.save") : t("new.save")}</Button>
        <Link href={draft ? `/proposals/${draft.id}` : "/proposals"}>{tc("cancel")}</Link>
      </div>
    </ActionForm>
  );
}
