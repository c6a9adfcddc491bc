import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Link } from "@/i18n/navigation";
import { resolvePageLocale } from "@/i18n/page-locale";
import { getCurrentActor } from "@/lib/auth/session";
import { canEditDelegateProfile } from "@/lib/dialogue/policy";
import { listDelegates } from "@/lib/dialogue/queries";
import { DelegateCards } from "../_components/delegate-cards";
import { DoneNotice } from "../_components/parts";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await resolvePageLocale(params);
  const t = await getTranslations({ locale, namespace: "dialogue" });
  return { title: t("delegates.title"), description: t("delegates.lead") };
}

/** Everyone who speaks for IOM, ECLAC or a State's focal point, with what they cover and the languages they speak. */
export default async function DelegatesPage({ params, searchParams }: Props) {
  const locale = await resolvePageLocale(params);
  const [t, actor, delegates] = await Promise.all([getTranslations("dialogue"), getCurrentActor(), listDelegates()]);
  return (
    <>
      <PageHeader title={t("delegates.title")} lead={t("delegates.lead")} />
      <div className="space-y-6">
        <DoneNotice done={(await searchParams).done} />
        {canEditDelegateProfile(actor) ? (
          <p>
            <Link href="/dialogue/delegates/profile">{t("delegates.editOwn")}</Link>
          </p>
        ) : null}
        {delegates.length === 0 ? <EmptyState title={t("delegates.empty")} /> : <DelegateCards delegates={delegates} locale={locale} showInstitution />}
      </div>
    </>
  );
}
