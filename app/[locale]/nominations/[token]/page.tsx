import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SessionTime, zoneLabel } from "@/components/sessions/session-time";
import { ActionForm } from "@/components/ui/action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox-group";
import { TextArea } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { pickLocalized } from "@/lib/i18n/localized-text";
import { findNomineeLink } from "@/lib/nominations/queries";
import { NOMINATION_LIMITS } from "@/lib/nominations/schemas";
import { formatSessionDateTime } from "@/lib/sessions/time";
import { Link } from "@/i18n/navigation";
import { resolvePageLocale } from "@/i18n/page-locale";
import { respondAction, withdrawWithLinkAction } from "../actions";

type Params = Promise<{ locale: string; token: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const locale = await resolvePageLocale(params);
  const t = await getTranslations({ locale, namespace: "nominee.page" });
  // The token is in the address: it must not travel to another site in a Referer header or reach a
  // search engine. "same-origin", not "no-referrer": that one makes a form posted without JavaScript
  // send `Origin: null`, which Next refuses as a cross-site server action.
  return { title: t("metaTitle"), referrer: "same-origin", robots: { index: false, follow: false } };
}

/**
 * The nominee's page behind their personal link (no account needed, works without JavaScript):
 * what they were nominated for, by the Civil Society Committee (never the committee's
 * rationale), and the answer: accept (bio, what may be published) or decline (and "do not
 * nominate me again"); with the WITHDRAW link, withdrawing. A link that does not work says so,
 * the same way whatever the reason.
 */
export default async function NomineePage({ params }: { params: Params }) {
  const locale = await resolvePageLocale(params);
  const { token } = await params;
  const t = await getTranslations("nominee");
  const link = await findNomineeLink(token);

  if (link.state === "invalid") {
    return (
      <div className="max-w-2xl space-y-6">
        <PageHeader title={t("page.invalidTitle")} />
        <Alert tone="warning">{t("page.invalid")}</Alert>
        <p>
          <Link href="/sessions" className="text-blue-800 underline underline-offset-2">
            {t("thanks.sessions")}
          </Link>
        </p>
      </div>
    );
  }

  const { view } = link;
  const sessionTitle = pickLocalized(view.session.title, locale)?.text ?? "";
  const values = { role: t(`roles.${view.role}`), sessionTitle };
  const expires = `${formatSessionDateTime(view.expiresAt, view.session.timeZone, locale)} (${await zoneLabel(view.session.timeZone, view.expiresAt, locale)})`;
  const hidden = (
    <>
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="locale" value={locale} />
    </>
  );

  const facts = (
    <div className="space-y-3 rounded-lg border border-slate-300 bg-white p-4">
      <dl className="space-y-3">
        <div>
          <dt className="font-medium text-slate-900">{t("page.whenLabel")}</dt>
          <dd>
            <SessionTime startsAt={view.session.startsAt} endsAt={view.session.endsAt} timeZone={view.session.timeZone} locale={locale} />
          </dd>
        </div>
        {view.organizationName ? (
          <div>
            <dt className="font-medium text-slate-900">{t("page.organizationLabel")}</dt>
            <dd className="text-slate-900">{view.organizationName}</dd>
          </div>
        ) : null}
      </dl>
      <p>
        <Link href={`/sessions/${view.session.id}`} className="text-blue-800 underline underline-offset-2">
          {t("page.sessionLink")}
        </Link>
      </p>
    </div>
  );

  if (link.state === "withdraw") {
    return (
      <div className="max-w-2xl space-y-6">
        <PageHeader title={t("page.withdraw.title")} lead={t("page.withdraw.lead", values)} />
        {facts}
        <ActionForm action={withdrawWithLinkAction} aria-label={t("page.withdraw.title")} className="space-y-4 rounded-lg border border-slate-300 bg-white p-5">
          {hidden}
          <p className="text-slate-900">{t("page.withdraw.hint")}</p>
          <Checkbox name="optOut" label={t("page.withdraw.optOut")} />
          <Button variant="danger" pendingLabel={t("page.withdraw.working")}>
            {t("page.withdraw.submit")}
          </Button>
        </ActionForm>
      </div>
    );
  }

  return (
    <div className="max-w-2xl space-y-6">
      <PageHeader title={t("page.greeting", { nomineeName: view.nomineeName })} lead={t("page.nominatedFor", values)} />
      {facts}
      <Alert tone="info">
        <p>{t("page.privacy")}</p>
        <p className="mt-2">{t("page.noAccount")}</p>
      </Alert>
      <p className="text-slate-900">{t("page.linkExpires", { date: expires })}</p>

      <section aria-labelledby="accept-heading" className="space-y-4 rounded-lg border border-slate-300 bg-white p-5">
        <h2 id="accept-heading" className="text-xl font-semibold text-slate-950">
          {t("page.accept.heading")}
        </h2>
        <ActionForm action={respondAction} aria-label={t("page.accept.heading")}>
          {hidden}
          <input type="hidden" name="response" value="accept" />
          <TextArea name="bio" label={t("page.accept.bio")} hint={t("page.accept.bioHint")} maxLength={NOMINATION_LIMITS.bio} rows={5} defaultValue={view.bio ?? ""} />
          <fieldset className="space-y-2">
            <legend className="font-medium text-slate-900">{t("page.accept.publishLegend")}</legend>
            <Checkbox name="publishName" label={t("page.accept.publishName")} defaultChecked={view.publishName} />
            <Checkbox name="publishOrganization" label={t("page.accept.publishOrganization")} defaultChecked={view.publishOrganization} />
            <Checkbox name="publishBio" label={t("page.accept.publishBio")} defaultChecked={view.publishBio} />
          </fieldset>
          <Button pendingLabel={t("page.accept.working")}>{t("page.accept.submit")}</Button>
        </ActionForm>
      </section>

      <section aria-labelledby="decline-heading" className="space-y-4 rounded-lg border border-slate-300 bg-white p-5">
        <h2 id="decline-heading" className="text-xl font-semibold text-slate-950">
          {t("page.decline.heading")}
        </h2>
        <ActionForm action={respondAction} aria-label={t("page.decline.heading")}>
          {hidden}
          <input type="hidden" name="response" value="decline" />
          <p className="text-slate-900">{t("page.decline.hint")}</p>
          <Checkbox name="optOut" label={t("page.decline.optOut")} />
          <Button variant="secondary" pendingLabel={t("page.decline.working")}>
            {t("page.decline.submit")}
          </Button>
        </ActionForm>
      </section>
    </div>
  );
}
