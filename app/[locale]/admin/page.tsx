import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Link } from "@/i18n/navigation";
import { resolvePageLocale } from "@/i18n/page-locale";
import { requireStaff } from "@/lib/auth/guards";
import { adminOverview } from "@/lib/roles/queries";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const locale = await resolvePageLocale(params);
  const t = await getTranslations({ locale, namespace: "admin.index" });
  return { title: t("title"), robots: { index: false } };
}

export default async function AdminIndexPage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = await resolvePageLocale(params);
  const actor = await requireStaff(locale, "/admin");
  const t = await getTranslations("admin.index");
  const format = await getFormatter();
  const counts = await adminOverview();
  const tiles = [
    { label: t("pendingOrganizations"), count: counts.pendingOrganizations, href: "/admin/organizations", link: t("pendingOrganizationsLink") },
    ...(actor.isAdmin ? [{ label: t("siteRoles"), count: counts.siteRoleHolders, href: "/admin/roles", link: t("siteRolesLink") }] : []),
    { label: t("committee"), count: counts.activeCommitteeTerms, href: "/admin/committee", link: t("committeeLink") },
    ...(actor.isAdmin ? [{ label: t("outbox"), count: counts.outboxEmails, href: "/admin/outbox", link: t("outboxLink") }] : []),
  ];
  return (
    <>
      <PageHeader title={t("title")} lead={t("lead")} />
      <ul className="grid gap-4 sm:grid-cols-2">
        {tiles.map((tile) => (
          <Card key={tile.href} as="li">
            <h2 className="text-lg font-semibold text-slate-950">{tile.label}</h2>
            <p className="mt-2 text-4xl font-bold text-slate-950">{format.number(tile.count)}</p>
            <p className="mt-3">
              <Link href={tile.href} className="font-medium text-blue-800 underline">
                {tile.link}
              </Link>
            </p>
          </Card>
        ))}
      </ul>
    </>
  );
}
