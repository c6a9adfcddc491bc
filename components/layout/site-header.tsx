import { getTranslations } from "next-intl/server";
import type { Actor } from "@/lib/auth/actor";
import { getCurrentActor } from "@/lib/auth/session";
import { logError } from "@/lib/log";
import { Link } from "@/i18n/navigation";
import type { AppLocale } from "@/i18n/routing";
import { UnreadNotificationsLink } from "@/components/notifications/unread-link";
import { LanguageSwitcher } from "./language-switcher";

const navItems = [
  { href: "/", key: "home" },
  { href: "/sessions", key: "sessions" },
  { href: "/proposals", key: "proposals" },
  { href: "/organizations", key: "organizations" },
  { href: "/report", key: "report" },
  { href: "/champions", key: "champions" },
  { href: "/monitoring", key: "monitoring" },
  { href: "/dialogue", key: "dialogue" },
  { href: "/transparency", key: "transparency" },
] as const;

/**
 * The header is in the root layout, above every error boundary: a query that throws here (the
 * database is down) would leave a blank page. The reader is then shown as a visitor and the page
 * below says what happened.
 */
async function headerActor(): Promise<Actor | null> {
  try {
    return await getCurrentActor();
  } catch (error) {
    logError("layout.header", error);
    return null;
  }
}

/** `signOutAction` comes from the layout: shared UI never imports app/. */
export async function SiteHeader({ locale, signOutAction }: { locale: AppLocale; signOutAction: (formData: FormData) => Promise<void> }) {
  const t = await getTranslations("common");
  const actor = await headerActor();
  return (
    <header data-site-header className="border-b border-slate-300 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href="/" className="text-xl font-bold text-blue-900 no-underline">
          Puente
          <span className="sr-only"> · {t("tagline")}</span>
        </Link>
        <div className="flex flex-wrap items-center gap-3">
          <LanguageSwitcher current={locale} label={t("language")} />
          {actor ? (
            <div className="flex flex-wrap items-center gap-3">
              <Link href="/dashboard" className="font-medium">
                {t("nav.dashboard")}
              </Link>
              <UnreadNotificationsLink actor={actor} />
              {actor.isStaff ? (
                <Link href="/admin" className="font-medium">
                  {t("nav.admin")}
                </Link>
              ) : null}
              <form action={signOutAction}>
                <input type="hidden" name="locale" value={locale} />
                <button type="submit" className="font-medium text-blue-800 underline underline-offset-2">
                  {t("signOut")} <span className="sr-only">({actor.name})</span>
                </button>
              </form>
            </div>
          ) : (
            <div className="flex items-center gap-3">
              <Link href="/sign-in" className="font-medium">
                {t("signIn")}
              </Link>
              <Link href="/sign-up" className="rounded-md bg-blue-800 px-3 py-1.5 font-semibold text-white no-underline hover:bg-blue-900">
                {t("signUp")}
              </Link>
            </div>
          )}
        </div>
      </div>
      <nav aria-label={t("nav.label")} className="border-t border-slate-200 bg-slate-50">
        {/* Wraps onto a second line on a phone: every section stays in sight, with or without JavaScript. */}
        <ul className="mx-auto flex max-w-6xl flex-wrap gap-x-5 gap-y-1 px-4 py-2 text-[0.95rem]">
          {navItems.map((item) => (
            <li key={item.key}>
              <Link href={item.href} className="font-medium text-slate-900 no-underline hover:text-blue-800 hover:underline">
                {t(`nav.${item.key}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
