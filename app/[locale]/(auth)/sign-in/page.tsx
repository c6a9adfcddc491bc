import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/ui/action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Link } from "@/i18n/navigation";
import { resolvePageLocale } from "@/i18n/page-locale";
import { safeNextPath } from "@/lib/accounts/policy";
import { getCurrentActor } from "@/lib/auth/session";
import { signInAction } from "../actions";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Pick<Props, "params">): Promise<Metadata> {
  const locale = await resolvePageLocale(params);
  const t = await getTranslations({ locale, namespace: "auth" });
  return { title: t("signIn.title") };
}

export default async function SignInPage({ params, searchParams }: Props) {
  const locale = await resolvePageLocale(params);
  const query = await searchParams;
  const next = safeNextPath(query.next);
  if (await getCurrentActor()) redirect(next ?? `/${locale}/dashboard`);

  const t = await getTranslations("auth");
  const tc = await getTranslations("common");
  const te = await getTranslations("errors");
  return (
    <div className="mx-auto max-w-lg">
      <PageHeader title={t("signIn.title")} lead={t("signIn.lead")} />
      {/* next-auth's own endpoint sends failed sign-ins back here with ?error=CredentialsSignin. */}
      {query.error === "CredentialsSignin" ? (
        <div className="mb-5">
          <Alert tone="error">{te("auth.invalidCredentials")}</Alert>
        </div>
      ) : null}
      <Card>
        <ActionForm action={signInAction}>
          <input type="hidden" name="pageLocale" value={locale} />
          <input type="hidden" name="next" value={next ?? ""} />
          <Field
            name="email"
            type="email"
            label={t("signIn.email")}
            autoComplete="email"
            autoCapitalize="none"
            spellCheck={false}
            required
            requiredLabel={tc("requiredField")}
          />
          <Field
            name="password"
            type="password"
            label={t("signIn.password")}
            autoComplete="current-password"
            required
            requiredLabel={tc("requiredField")}
          />
          <Button pendingLabel={t("signIn.pending")}>{t("signIn.submit")}</Button>
        </ActionForm>
      </Card>
      <ul className="mt-6 space-y-2">
        <li>
          <Link href="/reset-password">{t("signIn.forgotPassword")}</Link>
        </li>
        <li>
          {t("signIn.noAccount")}{" "}
          <Link href={next ? { pathname: "/sign-up", query: { next } } : "/sign-up"}>{t("signIn.signUpLink")}</Link>
        </li>
      </ul>
    </div>
  );
}
