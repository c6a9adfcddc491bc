import type { ReactNode } from "react";
import { resolvePageLocale } from "@/i18n/page-locale";
import { requireSignedIn } from "@/lib/auth/guards";

/** Everything under /dashboard is for signed-in users; pages check again for themselves. */
export default async function DashboardLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const locale = await resolvePageLocale(params);
  await requireSignedIn(locale, "/dashboard");
  return <>{children}</>;
}
