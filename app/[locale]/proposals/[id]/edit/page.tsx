import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ProposalForm } from "@/components/proposals/proposal-form";
import { updateProposalAction } from "../../actions";
import { PageHeader } from "@/components/ui/page-header";
import { requireSignedIn } from "@/lib/auth/guards";
import { findEditableDraft } from "@/lib/proposals/queries";
import { Link } from "@/i18n/navigation";
import { resolvePageLocale } from "@/i18n/page-locale";

type Params = Promise<{ locale: string; id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const locale = await resolvePageLocale(params);
  const t = await getTranslations({ locale, namespace: "proposals" });
  return { title: t("edit.title"), robots: { index: false } };
}

/** Members of the authoring organization edit a draft; anyone else (or a submitted proposal) gets "not found". */
export default async function EditProposalPage({ params }: { params: Params }) {
  const locale = await resolvePageLocale(params);
  const { id } = await params;
  const actor = await requireSignedIn(locale, `/proposals/${encodeURIComponent(id)}/edit`);
  const draft = await findEditableDraft(actor, id);
  if (!draft) notFound();
  const t = await getTranslations("proposals");

  return (
    <div className="max-w-3xl">
      <p className="mb-4">
        <Link href={`/proposals/${draft.id}`}>{t("edit.backToProposal")}</Link>
      </p>
      <PageHeader title={t("edit.title")} lead={t("edit.lead")} />
      <ProposalForm mode="edit" locale={locale} actor={actor} draft={draft} action={updateProposalAction} />
    </div>
  );
}
