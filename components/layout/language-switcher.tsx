"use client";

import { useSearchParams } from "next/navigation";
import { Link, usePathname } from "@/i18n/navigation";
import { locales, type AppLocale } from "@/i18n/routing";

// Each language's name in its own language, so a reader finds theirs whatever the page shows.
const names: Record<AppLocale, string> = { es: "Español", en: "English", pt: "Português", fr: "Français" };

function Links({ current, label, href }: { current: AppLocale; label: string; href: string }) {
  return (
    <nav aria-label={label} data-language-switcher>
      <ul className="flex gap-2 text-sm">
        {locales.map((locale) => (
          <li key={locale}>
            <Link
              href={href}
              locale={locale}
              hrefLang={locale}
              lang={locale}
              aria-current={locale === current ? "true" : undefined}
              className={locale === current ? "font-bold text-slate-950 no-underline" : "text-blue-800"}
            >
              {names[locale]}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Keeps the current page and its query when the language changes. */
export function LanguageSwitcher({ current, label }: { current: AppLocale; label: string }) {
  const pathname = usePathname();
  const search = useSearchParams().toString();
  return <Links current={current} label={label} href={search ? `${pathname}?${search}` : pathname} />;
}

export function LanguageSwitcherFallback({ current, label }: { current: AppLocale; label: string }) {
  const pathname = usePathname();
  return <Links current={current} label={label} href={pathname} />;
}
