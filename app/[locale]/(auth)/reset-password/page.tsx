import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/ui/action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Link } from "@/i18n/navigation";
import { resolvePageLocale } from "@/i18n/page-locale";
import { isResetTokenUsable } from "@/lib/accounts/queries";
import { EMAIL_MAX, PASSWORD_MAX, PASSWORD_MIN } from "@/lib/accounts/schemas";
import { requestPasswordResetAction, resetPasswordAction } from "../actions";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Pick<Props, "params">): Promise<Metadata> {
  const locale = await resolvePageLocale(params);
  const t = await getTranslations({ locale, namespace: "auth" });
  // The link in the address bar is a secret: never send it to another site or index it ("same-origin":
  // "no-referrer" would make a form posted without JavaScript send `Origin: null`, refused by Next).
  return { title: t("resetPassword.title"), referrer: "same-origin", robots: { index: false } };
}

export default async function ResetPasswordPage({ params, searchParams }: Props) {
  const locale = await resolvePageLocale(params);
  const { token } = await searchParams;
  const t = await getTranslations("auth");
  const tc = await getTranslations("common");

  if (token === undefined) {
    return (
      <div className="mx-auto max-w-lg">
        <PageHeader title={t("resetPassword.title")} lead={t("resetPassword.requestLead")} />
        <Card>
          <ActionForm action={requestPasswordResetAction} successMessage={t("resetPassword.requestSent")}>
            <Field
              name="email"
              type="email"
              label={t("resetPassword.email")}
              autoComplete="email"
              autoCapitalize="none"
              spellCheck={false}
              maxLength={EMAIL_MAX}
              required
              requiredLabel={tc("requiredField")}
            />
            <Button pendingLabel={t("resetPassword.requestPending")}>{t("resetPassword.requestSubmit")}</Button>
          </ActionForm>
        </Card>
        <p className="mt-6">
          <Link href="/sign-in">{t("resetPassword.backToSignIn")}</Link>
        </p>
      </div>
    );
  }

  if (!(await isResetTokenUsable(token))) {
    return (
      <div className="mx-auto max-w-lg">
        <PageHeader title={t("resetPassword.title")} />
        <Alert tone="error" title={t("resetPassword.linkInvalidTitle")}>
          <p>{t("resetPassword.linkInvalidBody")}</p>
        </Alert>
        <p className="mt-6">
          <Link href="/reset-password">{t("resetPassword.requestNew")}</Link>
        </p>
      </div>
    );
  }

  return (
    <div className="mx-auto max-w-lg">
      <PageHeader title={t("resetPassword.newTitle")} lead={t("resetPassword.newLead")} />
      <Card>
        <ActionForm action={resetPasswordAction}>
          <input type="hidden" name="pageLocale" value={locale} />
          <input type="hidden" name="token" value={String(token)} />
          <Field
            name="password"
            type="password"
            label={t("resetPassword.newPassword")}
            hint={t("signUp.passwordHint", { min: PASSWORD_MIN })}
            autoComplete="new-password"
            minLength={PASSWORD_MIN}
            maxLength={PASSWORD_MAX}
            required
            requiredLabel={tc("requiredField")}
          />
          <Button pendingLabel={t("resetPassword.newPending")}>{t("resetPassword.newSubmit")}</Button>
        </ActionForm>
      </Card>
      <p className="mt-6">
        <Link href="/reset-password">{t("resetPassword.requestNew")}</Link>
      </p>
    </div>
  );
}
