import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { resolvePageLocale } from "@/i18n/page-locale";
import { getCurrentActor } from "@/lib/auth/session";
import { getCommitmentPage } from "@/lib/champions/queries";
import { CommitmentPageBody } from "../../../champions/_components/commitment-page";

type Props = { params: Promise<{ locale: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await resolvePageLocale(params);
  const { id } = await params;
  const commitment = await getCommitmentPage(null, id, locale, "RECOMMENDATION");
  if (!commitment) return {};
  const t = await getTranslations({ locale, namespace: "champions" });
  return { title: `${commitment.text?.title ?? t("untitled")} · ${t("followUp.title")}` };
}

export default async function RecommendationPage({ params, searchParams }: Props) {
  const locale = await resolvePageLocale(params);
  const { id } = await params;
  const actor = await getCurrentActor();
  const commitment = await getCommitmentPage(actor, id, locale, "RECOMMENDATION");
  if (!commitment) notFound();
  const t = await getTranslations("champions");
  return (
    <>
      <p className="mb-3">
        <Link href="/report/follow-up">{t("followUp.back")}</Link>
      </p>
      <CommitmentPageBody commitment={commitment} actor={actor} locale={locale} done={(await searchParams).done} />
    </>
  );
}
