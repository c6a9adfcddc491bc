import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { Link } from "@/i18n/navigation";
import { resolvePageLocale } from "@/i18n/page-locale";
import { getCurrentActor } from "@/lib/auth/session";
import { canAsk, verifiedOrganizations } from "@/lib/dialogue/policy";
import { listDelegates, listInstitutions } from "@/lib/dialogue/queries";
import { institutionName } from "../../_components/parts";
import { AskForm } from "../../_components/ask-form";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await resolvePageLocale(params);
  const t = await getTranslations({ locale, namespace: "dialogue" });
  return { title: t("ask.title"), robots: { index: false } };
}

/** Asking a question: to an institution or one delegate, in the asker's language, as themselves or under a pseudonym. Works without JavaScript. */
export default async function NewQuestionPage({ params, searchParams }: Props) {
  const locale = await resolvePageLocale(params);
  const [t, actor, institutions, delegates] = await Promise.all([getTranslations("dialogue"), getCurrentActor(), listInstitutions(), listDelegates()]);
  const to = (await searchParams).to;
  const addressees = [
    ...institutions.map((i) => ({ value: `institution:${i.id}`, label: t("ask.toInstitution", { institution: institutionName(t, i, locale) }) })),
    ...delegates.map((d) => ({ value: `delegate:${d.userId}`, label: t("toDelegate", { name: d.displayName, institution: institutionName(t, d.institution, locale) }) })),
  ];
  const chosen = typeof to === "string" && addressees.some((a) => a.value === to) ? to : undefined;
  return (
    <>
      <PageHeader title={t("ask.title")} lead={t("ask.lead")} />
      <div className="max-w-3xl space-y-4">
        {!canAsk(actor) ? (
          <p>
            <Link href={`/sign-in?next=/${locale}/dialogue/questions/new`}>{t("signInToAsk")}</Link>
          </p>
        ) : (
          <AskForm
            locale={locale}
            addressees={addressees}
            defaultAddressee={chosen}
            organizations={verifiedOrganizations(actor).map((m) => ({ value: m.organizationId, label: m.organizationName }))}
          />
        )}
      </div>
    </>
  );
}
