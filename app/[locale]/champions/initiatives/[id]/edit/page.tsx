import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { resolvePageLocale } from "@/i18n/page-locale";
import { getCurrentActor } from "@/lib/auth/session";
import { getCommitmentTexts } from "@/lib/champions/commitment-queries";
import { canManageChampions } from "@/lib/champions/policy";
import { getCommitmentPage } from "@/lib/champions/queries";
import { CommitmentForm } from "../../../_components/commitment-form";

type Props = { params: Promise<{ locale: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await resolvePageLocale(params);
  const t = await getTranslations({ locale, namespace: "champions.form" });
  return { title: t("editTitle") };
}

/** Staff edit an initiative or a recommendation (both are commitments, edited the same way). */
export default async function EditCommitmentPage({ params }: Props) {
  const locale = await resolvePageLocale(params);
  const { id } = await params;
  const actor = await getCurrentActor();
  if (!canManageChampions(actor)) notFound();
  const commitment = (await getCommitmentPage(actor, id, locale, "INITIATIVE")) ?? (await getCommitmentPage(actor, id, locale, "RECOMMENDATION"));
  if (!commitment) notFound();
  const [t, texts] = await Promise.all([getTranslations("champions.form"), getCommitmentTexts(commitment.id)]);
  return (
    <>
      <PageHeader title={`${t("editTitle")}: ${commitment.text?.title ?? ""}`} />
      <div className="max-w-3xl">
        <CommitmentForm locale={locale} championCountries={[]} commitment={commitment} texts={texts} />
      </div>
    </>
  );
}
