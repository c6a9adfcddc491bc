import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { resolvePageLocale } from "@/i18n/page-locale";
import { requireStaff } from "@/lib/auth/guards";

/** The admin area: staff and admins. Each page checks again for itself (layouts are not re-run on every navigation). */
export default async function AdminLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const locale = await resolvePageLocale(params);
  const actor = await requireStaff(locale, "/admin");
  const t = await getTranslations("admin.nav");
  const tk = await getTranslations("openData.keys");
  const items = [
    { href: "/admin", label: t("overview") },
    { href: "/admin/organizations", label: t("organizations") },
    ...(actor.isAdmin ? [{ href: "/admin/roles", label: t("roles") }] : []),
    { href: "/admin/committee", label: t("committee") },
    ...(actor.isAdmin ? [{ href: "/admin/outbox", label: t("outbox") }] : []),
    ...(actor.isAdmin ? [{ href: "/admin/api-keys", label: tk("nav") }] : []),
  ];
  return (
    <div>
      <nav aria-label={t("label")} className="mb-6">
        <ul className="flex flex-wrap gap-x-5 gap-y-2 border-b border-slate-300 pb-3">
          {items.map((item) => (
            <li key={item.href}>
              <Link href={item.href} className="font-medium text-blue-900 underline-offset-4 hover:underline">
                {item.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {children}
    </div>
  );
}
