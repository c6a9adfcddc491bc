import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PendingVerificationNotice } from "@/components/organizations/pending-verification";
import { ProposalForm } from "@/components/proposals/proposal-form";
import { createProposalAction } from "../actions";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button-class";
import { PageHeader } from "@/components/ui/page-header";
import { requireSignedIn } from "@/lib/auth/guards";
import { listOwnPendingOrganizations } from "@/lib/organizations/queries";
import { canCreateProposal } from "@/lib/proposals/policy";
import { Link } from "@/i18n/navigation";
import { resolvePageLocale } from "@/i18n/page-locale";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const locale = await resolvePageLocale(params);
  const t = await getTranslations({ locale, namespace: "proposals" });
  return { title: t("new.title"), robots: { index: false } };
}

export default async function NewProposalPage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = await resolvePageLocale(params);
  const actor = await requireSignedIn(locale, "/proposals/new");
  const t = await getTranslations("proposals");

  if (!canCreateProposal(actor)) {
    return (
      <div className="max-w-3xl">
        <PageHeader title={t("new.title")} />
        <Alert tone="info" title={t("new.noOrganization")}>
          <p>{t("new.noOrganizationHelp")}</p>
        </Alert>
        <p className="mt-6 flex flex-wrap gap-3">
          <Link href="/organizations/new" className={buttonClass("primary")}>
            {t("new.registerOrganization")}
          </Link>
          <Link href="/organizations" className={buttonClass("secondary")}>
            {t("new.browseOrganizations")}
          </Link>
        </p>
      </div>
    );
  }

  // A pending organization writes drafts now; the notice says what waits for verification.
  const pending = await listOwnPendingOrganizations(actor);
  return (
    <div className="max-w-3xl">
      <PageHeader title={t("new.title")} lead={t("new.lead")} />
      {pending.length ? (
        <div className="mb-6">
          <PendingVerificationNotice organizations={pending} />
        </div>
      ) : null}
      <ProposalForm mode="create" locale={locale} actor={actor} action={createProposalAction} />
    </div>
  );
}
