import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/ui/action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { buttonClass } from "@/components/ui/button-class";
import { Card } from "@/components/ui/card";
import { Checkbox, CheckboxGroup } from "@/components/ui/checkbox-group";
import { TextArea } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { Link } from "@/i18n/navigation";
import { locales, type AppLocale } from "@/i18n/routing";
import type { Actor } from "@/lib/auth/actor";
import { isRegistrationOpen } from "@/lib/sessions/policy";
import type { OwnRegistration, SessionPageData } from "@/lib/sessions/queries";
import { ACCESS_NEEDS, SESSION_LIMITS } from "@/lib/sessions/schemas";
import {
  cancelRegistrationAction,
  registerForSessionAction,
  updateRegistrationAction,
  type RegistrationDone,
} from "@/app/[locale]/sessions/actions";

const DONE: readonly RegistrationDone[] = ["registered", "registrationUpdated", "registrationCancelled"];

/** The registration fields, empty or with the actor's registration. */
async function RegistrationFields({ locale, sessionId, registration, defaultLanguage }: { locale: AppLocale; sessionId: string; registration: OwnRegistration | null; defaultLanguage: AppLocale }) {
  const [t, tc] = await Promise.all([getTranslations("sessions"), getTranslations("common")]);
  return (
    <>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="sessionId" value={sessionId} />
      <Select
        name="language"
        label={t("registration.language")}
        hint={t("registration.languageHint")}
        options={locales.map((l) => ({ value: l, label: tc(`languages.${l}`) }))}
        defaultValue={registration?.language ?? defaultLanguage}
        required
        requiredLabel={tc("requiredField")}
      />
      <CheckboxGroup
        name="accessNeeds"
        legend={t("registration.accessNeeds")}
        hint={t("registration.accessNeedsHint")}
        options={ACCESS_NEEDS.map((need) => ({ value: need, label: tc(`accessNeeds.${need}`) }))}
        defaultValue={registration?.accessNeeds ?? []}
        columns={1}
      />
      <TextArea
        name="accessNote"
        label={t("registration.accessNote")}
        hint={t("registration.accessNoteHint")}
        maxLength={SESSION_LIMITS.accessNote}
        rows={3}
        defaultValue={registration?.accessNote ?? undefined}
      />
      <Checkbox name="listed" label={t("registration.listed")} hint={t("registration.listedHint")} defaultChecked={registration?.listed ?? false} />
    </>
  );
}

/**
 * Registering for a session, changing or cancelling the registration. Visitors are invited to
 * sign in; each form posts to a server action (works without JavaScript).
 */
export async function RegistrationSection({
  data,
  actor,
  locale,
  done,
}: {
  data: SessionPageData;
  actor: Actor | null;
  locale: AppLocale;
  done?: string | string[];
}) {
  const [t, tc] = await Promise.all([getTranslations("sessions"), getTranslations("common")]);
  const { session, registration } = data;
  const notice = typeof done === "string" && (DONE as readonly string[]).includes(done) ? (done as RegistrationDone) : null;
  const open = isRegistrationOpen(session);
  const defaultLanguage = session.workingLanguages.includes(locale) ? locale : (actor?.locale ?? locale);

  return (
    <section aria-labelledby="registration-heading" id="registration" className="scroll-mt-4">
      <Card as="div" className="space-y-4">
        <h2 id="registration-heading" className="text-xl font-semibold text-slate-950">
          {t("registration.heading")}
        </h2>
        {notice ? (
          <Alert tone="success" live>
            {t(`done.${notice}`)}
          </Alert>
        ) : null}
        <p className="text-slate-800">{t("registration.count", { count: data.registrationCount })}</p>

        {!actor ? (
          open ? (
            <p>
              <Link href={`/sign-in?next=/${locale}/sessions/${session.id}`} className={buttonClass("primary") + " no-underline"}>
                {t("registration.signInToRegister")}
              </Link>
            </p>
          ) : (
            <p className="text-slate-800">{t("registration.closed")}</p>
          )
        ) : registration ? (
          <>
            <Alert tone="info" title={t("registration.youAreRegistered")}>
              <p>
                {t("registration.summary", {
                  language: tc(`languages.${registration.language}`),
                  needs: registration.accessNeeds.length ? registration.accessNeeds.map((n) => tc(`accessNeeds.${n}`)).join(", ") : t("registration.noNeeds"),
                })}
              </p>
              <p>{registration.listed ? t("registration.isListed") : t("registration.isNotListed")}</p>
            </Alert>
            {data.canChangeRegistration ? (
              <>
                <h3 className="text-lg font-semibold text-slate-950">{t("registration.change")}</h3>
                <ActionForm action={updateRegistrationAction} aria-label={t("registration.change")}>
                  <RegistrationFields locale={locale} sessionId={session.id} registration={registration} defaultLanguage={defaultLanguage} />
                  <Button pendingLabel={t("working")}>{t("registration.save")}</Button>
                </ActionForm>
                <h3 className="text-lg font-semibold text-slate-950">{t("registration.cancelHeading")}</h3>
                <ActionForm action={cancelRegistrationAction} aria-label={t("registration.cancel")}>
                  <input type="hidden" name="locale" value={locale} />
                  <input type="hidden" name="sessionId" value={session.id} />
                  <Button variant="secondary" pendingLabel={t("working")}>
                    {t("registration.cancel")}
                  </Button>
                </ActionForm>
              </>
            ) : null}
          </>
        ) : data.canRegister ? (
          <ActionForm action={registerForSessionAction} aria-label={t("registration.heading")}>
            <p className="text-slate-800">{t("registration.intro")}</p>
            <RegistrationFields locale={locale} sessionId={session.id} registration={null} defaultLanguage={defaultLanguage} />
            <Button pendingLabel={t("working")}>{t("registration.register")}</Button>
          </ActionForm>
        ) : (
          <p className="text-slate-800">{session.status === "DRAFT" ? t("registration.notYetOpen") : t("registration.closed")}</p>
        )}
      </Card>
    </section>
  );
}
