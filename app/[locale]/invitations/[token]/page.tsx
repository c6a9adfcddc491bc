import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/ui/action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { buttonClass } from "@/components/ui/button-class";
import { PageHeader } from "@/components/ui/page-header";
import { membershipIn } from "@/lib/auth/actor";
import { getCurrentActor } from "@/lib/auth/session";
import { getInvitationByToken } from "@/lib/organizations/queries";
import { Link } from "@/i18n/navigation";
import { resolvePageLocale } from "@/i18n/page-locale";
import { acceptInvitationAction } from "../actions";

type Params = Promise<{ locale: string; token: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const locale = await resolvePageLocale(params);
  const t = await getTranslations({ locale, namespace: "organizations.invitation" });
  // The token is in the address: it must not travel to another site in a Referer header or reach a
  // search engine. "same-origin", not "no-referrer": that one makes a form posted without JavaScript
  // send `Origin: null`, which Next refuses as a cross-site server action.
  return { title: t("title"), referrer: "same-origin", robots: { index: false, follow: false } };
}

export default async function InvitationPage({ params }: { params: Params }) {
  const locale = await resolvePageLocale(params);
  const { token } = await params;
  const t = await getTranslations("organizations");
  const tc = await getTranslations("common");
  const format = await getFormatter();
  const actor = await getCurrentActor();
  const lookup = await getInvitationByToken(token);

  if (lookup.state !== "valid") {
    const key = lookup.state;
    return (
      <div className="max-w-2xl">
        <PageHeader title={t(`invitation.${key}Title`)} />
        <Alert tone={key === "unknown" ? "error" : "warning"}>{t(`invitation.${key}`)}</Alert>
        <p className="mt-6">
          <Link href="/organizations">{t("profile.backToDirectory")}</Link>
        </p>
      </div>
    );
  }

  const invitation = lookup.invitation;
  const here = `/${locale}/invitations/${token}`;
  const role = t(`roleInSentence.${invitation.role}`);
  const values = { organizationName: invitation.organizationName, role, inviterName: invitation.invitedByName ?? "" };
  const emailMatches = !!actor && actor.email.toLowerCase() === invitation.email.toLowerCase();
  const alreadyMember = !!actor && !!membershipIn(actor, invitation.organizationId);

  return (
    <div className="max-w-2xl space-y-6">
      <PageHeader
        title={t("invitation.title")}
        lead={invitation.invitedByName ? t("invitation.valid", values) : t("invitation.validNoInviter", values)}
      />
      <p>{t("invitation.expiresOn", { date: format.dateTime(invitation.expiresAt, "short") })}</p>

      {!actor ? (
        <div className="space-y-4">
          <Alert tone="info">{t("invitation.signInPrompt")}</Alert>
          <div className="flex flex-wrap gap-3">
            <Link href={{ pathname: "/sign-in", query: { next: here } }} className={buttonClass("primary")}>
              {tc("signIn")}
            </Link>
            <Link href={{ pathname: "/sign-up", query: { next: here } }} className={buttonClass("secondary")}>
              {tc("signUp")}
            </Link>
          </div>
        </div>
      ) : alreadyMember ? (
        <Alert tone="info">
          {t("invitation.alreadyMember", values)}{" "}
          <Link href={`/organizations/${invitation.organizationSlug}`}>{t("invitation.goToOrganization")}</Link>
        </Alert>
      ) : !emailMatches ? (
        <Alert tone="warning">{t("invitation.wrongEmail", { email: actor.email })}</Alert>
      ) : (
        <ActionForm action={acceptInvitationAction} aria-label={t("invitation.title")}>
          <input type="hidden" name="token" value={token} />
          <input type="hidden" name="locale" value={locale} />
          <Button pendingLabel={t("invitation.accepting")}>{t("invitation.accept", values)}</Button>
        </ActionForm>
      )}
    </div>
  );
}
