import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/ui/action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { buttonClass } from "@/components/ui/button-class";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Select } from "@/components/ui/select";
import { Link } from "@/i18n/navigation";
import { resolvePageLocale } from "@/i18n/page-locale";
import { locales } from "@/i18n/routing";
import { safeNextPath } from "@/lib/accounts/policy";
import { EMAIL_MAX, NAME_MAX, PASSWORD_MAX, PASSWORD_MIN } from "@/lib/accounts/schemas";
import { getCurrentActor } from "@/lib/auth/session";
import { signUpAction } from "../actions";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Pick<Props, "params">): Promise<Metadata> {
  const locale = await resolvePageLocale(params);
  const t = await getTranslations({ locale, namespace: "auth" });
  return { title: t("signUp.title") };
}

export default async function SignUpPage({ params, searchParams }: Props) {
  const locale = await resolvePageLocale(params);
  const query = await searchParams;
  const next = safeNextPath(query.next);
  const actor = await getCurrentActor();
  const t = await getTranslations("auth");

  // Just signed up: the account is active, nothing to confirm by email.
  if (actor && query.ready === "1") {
    const steps = [
      { key: "register", href: "/organizations/new" },
      { key: "join", href: "/organizations" },
      { key: "sessions", href: "/sessions" },
    ] as const;
    return (
      <div className="mx-auto max-w-lg">
        <PageHeader title={t("signUp.readyTitle")} lead={t("signUp.readyLead", { name: actor.name })} />
        <Alert tone="success">{t("signUp.readyBody", { email: actor.email })}</Alert>
        <h2 className="mt-6 text-xl font-semibold text-slate-950">{t("signUp.readyNextHeading")}</h2>
        <ul className="mt-3 space-y-3">
          {steps.map((step) => (
            <li key={step.key}>
              <Link href={step.href} className="font-medium">
                {t(`signUp.readySteps.${step.key}.link`)}
              </Link>
              <p className="text-slate-800">{t(`signUp.readySteps.${step.key}.hint`)}</p>
            </li>
          ))}
        </ul>
        <p className="mt-6">
          {/* The page that asked for an account, or the dashboard. */}
          <a href={next ?? `/${locale}/dashboard`} className={buttonClass("primary") + " no-underline"}>
            {t(next ? "signUp.readyContinue" : "signUp.readyDashboard")}
          </a>
        </p>
      </div>
    );
  }
  if (actor) redirect(next ?? `/${locale}/dashboard`);

  const tc = await getTranslations("common");

  // After a sign-up with an address that already has an account: the same neutral answer
  // whatever the reason, and the owner of the address was told by email.
  if (query.sent === "1") {
    return (
      <div className="mx-auto max-w-lg">
        <PageHeader title={t("signUp.sentTitle")} />
        <Alert tone="success">{t("signUp.sentBody")}</Alert>
        <p className="mt-6">
          <Link href="/sign-in">{t("signUp.sentSignIn")}</Link>
        </p>
      </div>
    );
  }

  return (
    <div className="mx-auto max-w-lg">
      <PageHeader title={t("signUp.title")} lead={t("signUp.lead")} />
      <Card>
        <ActionForm action={signUpAction}>
          <input type="hidden" name="pageLocale" value={locale} />
          <input type="hidden" name="next" value={next ?? ""} />
          <Field
            name="name"
            label={t("signUp.name")}
            hint={t("signUp.nameHint", { max: NAME_MAX })}
            autoComplete="name"
            maxLength={NAME_MAX}
            required
            requiredLabel={tc("requiredField")}
          />
          <Field
            name="email"
            type="email"
            label={t("signUp.email")}
            hint={t("signUp.emailHint")}
            autoComplete="email"
            autoCapitalize="none"
            spellCheck={false}
            maxLength={EMAIL_MAX}
            required
            requiredLabel={tc("requiredField")}
          />
          <Field
            name="password"
            type="password"
            label={t("signUp.password")}
            hint={t("signUp.passwordHint", { min: PASSWORD_MIN })}
            autoComplete="new-password"
            minLength={PASSWORD_MIN}
            maxLength={PASSWORD_MAX}
            required
            requiredLabel={tc("requiredField")}
          />
          <Select
            name="locale"
            label={t("signUp.locale")}
            hint={t("signUp.localeHint")}
            options={locales.map((value) => ({ value, label: tc(`languages.${value}`) }))}
            defaultValue={locale}
            autoComplete="language"
            required
            requiredLabel={tc("requiredField")}
          />
          <Button pendingLabel={t("signUp.pending")}>{t("signUp.submit")}</Button>
        </ActionForm>
      </Card>
      <p className="mt-6">
        {t("signUp.haveAccount")}{" "}
        <Link href={next ? { pathname: "/sign-in", query: { next } } : "/sign-in"}>{t("signUp.signInLink")}</Link>
      </p>
    </div>
  );
}
