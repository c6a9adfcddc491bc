import { randomUUID } from "node:crypto";
import { getTranslations } from "next-intl/server";
import { ActionForm, type FormStateAction } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { CheckboxGroup } from "@/components/ui/checkbox-group";
import { Field, TextArea } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { Link } from "@/i18n/navigation";
import { locales, type AppLocale } from "@/i18n/routing";
import { GCM_OBJECTIVES } from "@/lib/gcm/objectives";
import type { SpeakerRole } from "@/lib/generated/prisma/enums";
import type { SessionDeskData } from "@/lib/sessions/queries";
import { DESCRIPTION_FIELDS, SEAT_FIELDS, SESSION_FORMATS, SESSION_LIMITS, TITLE_FIELDS } from "@/lib/sessions/schemas";
import { dateToLocalInput, SESSION_TIME_ZONES } from "@/lib/sessions/time";

type Props = {
  locale: AppLocale;
  /** The server action the form posts to: creating or updating a session (the page picks it). */
  action: FormStateAction;
} & ({ mode: "create" } | { mode: "edit"; data: SessionDeskData });

const SEAT_ROLES: SpeakerRole[] = ["PANELIST", "RAPPORTEUR", "MODERATOR"];

/**
 * Creating a session or editing one before it is held. Times are typed as local date and time
 * in the session's zone, chosen from the list. Works without JavaScript; a new form carries a
 * random idempotency key, so posting it twice creates one session.
 */
export async function SessionForm(props: Props) {
  const { locale, action } = props;
  const [t, tc, tg] = await Promise.all([getTranslations("sessionDesk"), getTranslations("common"), getTranslations("gcm")]);
  const ts = await getTranslations("sessions");
  const required = tc("requiredField");
  const data = props.mode === "edit" ? props.data : null;
  const session = data?.session ?? null;
  const zone = session?.timeZone ?? "America/Mexico_City";
  const collator = new Intl.Collator(locale);
  const zoneOptions = [
    ...SESSION_TIME_ZONES.filter((z) => z.id === "UTC"),
    ...SESSION_TIME_ZONES.filter((z) => z.id !== "UTC").sort((a, b) => collator.compare(ts(`zones.${a.key}`), ts(`zones.${b.key}`))),
  ].map((z): { value: string; label: string } => ({ value: z.id, label: ts(`zones.${z.key}`) }));
  // A session saved with a zone no longer in the list keeps it.
  if (session && !zoneOptions.some((o) => o.value === session.timeZone)) zoneOptions.unshift({ value: session.timeZone, label: session.timeZone });
  const local = (date: Date | null | undefined) => (date && session ? dateToLocalInput(date, session.timeZone) : undefined);
  // Ask for the reader's language first; Spanish (the default) next.
  const order = [locale, ...locales.filter((l) => l !== locale)];

  return (
    <ActionForm action={action} aria-label={session ? t("form.editTitle") : t("form.newTitle")} className="space-y-8">
      <input type="hidden" name="locale" value={locale} />
      {session ? <input type="hidden" name="sessionId" value={session.id} /> : <input type="hidden" name="idempotencyKey" value={randomUUID()} />}

      <fieldset className="space-y-4">
        <legend className="text-lg font-semibold text-slate-950">{t("form.textHeading")}</legend>
        <p className="text-sm text-slate-700">{t("form.textHint")}</p>
        {order.map((l) => (
          <div key={l} className="space-y-3 rounded-md border border-slate-300 p-4">
            <Field
              name={TITLE_FIELDS[l]}
              lang={l}
              label={t("form.titleIn", { language: tc(`languages.${l}`) })}
              maxLength={SESSION_LIMITS.title}
              defaultValue={session?.title[l]}
            />
            <TextArea
              name={DESCRIPTION_FIELDS[l]}
              lang={l}
              label={t("form.descriptionIn", { language: tc(`languages.${l}`) })}
              maxLength={SESSION_LIMITS.description}
              rows={5}
              defaultValue={session?.description[l]}
            />
          </div>
        ))}
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="text-lg font-semibold text-slate-950">{t("form.timeHeading")}</legend>
        <p className="text-sm text-slate-700">{t("form.timeHint")}</p>
        <Select
          name="timeZone"
          label={t("form.timeZone")}
          options={zoneOptions}
          defaultValue={zone}
          required
          requiredLabel={required}
          className="sm:max-w-md"
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <Field name="startsAt" type="datetime-local" label={t("form.startsAt")} required requiredLabel={required} defaultValue={local(session?.startsAt)} />
          <Field name="endsAt" type="datetime-local" label={t("form.endsAt")} required requiredLabel={required} defaultValue={local(session?.endsAt)} />
        </div>
        <Field
          name="nominationDeadline"
          type="datetime-local"
          label={t("form.nominationDeadline")}
          hint={t("form.nominationDeadlineHint")}
          required={session?.status === "OPEN_FOR_NOMINATIONS"}
          requiredLabel={required}
          defaultValue={local(session?.nominationDeadline)}
          className="sm:max-w-xs"
        />
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="text-lg font-semibold text-slate-950">{t("form.placeHeading")}</legend>
        <Select
          name="format"
          label={t("form.format")}
          options={SESSION_FORMATS.map((f) => ({ value: f, label: tc(`sessionFormats.${f}`) }))}
          defaultValue={session?.format ?? "VIRTUAL"}
          required
          requiredLabel={required}
          className="sm:max-w-xs"
        />
        <Field name="place" label={t("form.place")} hint={t("form.placeHint")} maxLength={SESSION_LIMITS.place} defaultValue={session?.place ?? undefined} />
        <Field
          name="link"
          type="url"
          label={t("form.link")}
          hint={t("form.linkHint")}
          maxLength={SESSION_LIMITS.link}
          defaultValue={session?.link ?? undefined}
        />
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="text-lg font-semibold text-slate-950">{t("form.languagesHeading")}</legend>
        <CheckboxGroup
          name="workingLanguages"
          legend={`${t("form.workingLanguages")} (${required})`}
          options={locales.map((l) => ({ value: l, label: tc(`languages.${l}`) }))}
          defaultValue={session?.workingLanguages ?? [locale]}
          columns={2}
        />
        <CheckboxGroup
          name="interpretation"
          legend={t("form.interpretation")}
          hint={t("form.interpretationHint")}
          options={locales.map((l) => ({ value: l, label: tc(`languages.${l}`) }))}
          defaultValue={session?.interpretation ?? []}
          columns={2}
        />
      </fieldset>

      <CheckboxGroup
        name="objectives"
        legend={`${t("form.objectives")} (${required})`}
        hint={t("form.objectivesHint")}
        options={GCM_OBJECTIVES.map((n) => ({ value: String(n), label: `${n}. ${tg(String(n))}` }))}
        defaultValue={session?.objectives.map(String) ?? []}
        columns={1}
      />

      <fieldset className="space-y-4">
        <legend className="text-lg font-semibold text-slate-950">{t("form.seatsHeading")}</legend>
        <p className="text-sm text-slate-700">{t("form.seatsHint")}</p>
        <div className="grid gap-4 sm:grid-cols-3">
          {SEAT_ROLES.map((role) => {
            const field = SEAT_FIELDS[role];
            const selected = data?.selectedByRole[role] ?? 0;
            return (
              <Field
                key={role}
                name={field}
                type="number"
                inputMode="numeric"
                min={selected}
                max={SESSION_LIMITS[field]}
                label={t(`form.seats.${role}`)}
                hint={selected > 0 ? t("form.seatsSelected", { count: selected }) : undefined}
                required
                requiredLabel={required}
                defaultValue={String(session ? session[field] : role === "PANELIST" ? 3 : 1)}
              />
            );
          })}
        </div>
      </fieldset>

      <div className="flex flex-wrap items-center gap-4">
        <Button pendingLabel={t("working")}>{session ? t("form.save") : t("form.create")}</Button>
        <Link href={session ? `/dashboard/sessions/${session.id}` : "/dashboard/sessions"}>{tc("cancel")}</Link>
      </div>
    </ActionForm>
  );
}
