import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/ui/action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Link } from "@/i18n/navigation";
import { resolvePageLocale } from "@/i18n/page-locale";
import { readUnsubscribeToken } from "@/lib/email-preferences/token";
import { decodeSegment } from "@/lib/url";
import { unsubscribeAction } from "../../account/notifications/actions";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const locale = await resolvePageLocale(params);
  const t = await getTranslations({ locale, namespace: "emailPreferences" });
  // Never indexed; the address (with its token) is never sent on to another site. Not
  // "no-referrer": the confirm form's POST would then carry `Origin: null` and be refused.
  return { title: t("unsubscribe.title"), robots: { index: false }, referrer: "same-origin" };
}

/**
 * The link in every email's footer, for anyone holding the email (no sign-in). Reading it
 * changes nothing (mail scanners open links): only the confirm button, a POST, unsubscribes.
 */
export default async function UnsubscribePage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string; token: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const locale = await resolvePageLocale(params);
  const [{ token: raw }, { done }, t] = await Promise.all([params, searchParams, getTranslations("emailPreferences")]);
  const token = decodeSegment(raw);
  const target = readUnsubscribeToken(token);
  const preferencesLink = (
    <Link href="/account/notifications" className="underline">
      {t("unsubscribe.preferences")}
    </Link>
  );
  if (!target) {
    return (
      <>
        <PageHeader title={t("unsubscribe.title")} />
        <Alert tone="warning">{t("unsubscribe.invalid")}</Alert>
        <p className="mt-6">{preferencesLink}</p>
      </>
    );
  }
  const category = t(`categories.${target.category}`);
  return (
    <>
      <PageHeader title={t("unsubscribe.title")} lead={done === "1" ? undefined : t("unsubscribe.lead", { category })} />
      {done === "1" ? (
        <Alert tone="success" live>
          {t("unsubscribe.done", { category })}
        </Alert>
      ) : (
        <Card>
          <ActionForm action={unsubscribeAction} aria-label={t("unsubscribe.title")}>
            <input type="hidden" name="locale" value={locale} />
            <input type="hidden" name="token" value={token} />
            <Button pendingLabel={t("working")}>{t("unsubscribe.confirm")}</Button>
          </ActionForm>
        </Card>
      )}
      <p className="mt-6">{preferencesLink}</p>
    </>
  );
}
