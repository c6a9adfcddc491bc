import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { resolvePageLocale } from "@/i18n/page-locale";
import { getCurrentActor } from "@/lib/auth/session";
import { canManageChampions } from "@/lib/champions/policy";
import { listChampionCountries } from "@/lib/champions/queries";
import { CommitmentForm } from "../_components/commitment-form";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await resolvePageLocale(params);
  const t = await getTranslations({ locale, namespace: "champions.form" });
  return { title: t("newTitle") };
}

/** Staff enter a champion State's initiative; the country list is today's champions. */
export default async function NewInitiativePage({ params }: Props) {
  const locale = await resolvePageLocale(params);
  const actor = await getCurrentActor();
  if (!canManageChampions(actor)) notFound();
  const [t, champions] = await Promise.all([getTranslations("champions.form"), listChampionCountries()]);
  return (
    <>
      <PageHeader title={t("newTitle")} lead={t("lead")} />
      <div className="max-w-3xl">
        <CommitmentForm locale={locale} championCountries={champions.map((c) => c.country)} />
      </div>
    </>
  );
}
