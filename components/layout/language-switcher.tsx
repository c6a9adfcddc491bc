"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { locales, type AppLocale } from "@/i18n/locales";

// Each language's name in its own language, so a reader finds theirs whatever the page shows.
const names: Record<AppLocale, string> = { es: "Español", en: "English", pt: "Português", fr: "Français" };

/** The same page in `locale`: the first segment of the path is always the language. */
const inLanguage = (pathname: string, locale: AppLocale) => `/${locale}${pathname.replace(/^\/[^/]*/, "")}`;

// Plain links: a new language is a new document (<html lang>), loaded whole.
function Links({ current, label, path, search }: { current: AppLocale; label: string; path: string; search: string }) {
  return (
    <nav aria-label={label} data-language-switcher>
      <ul className="flex gap-2 text-sm">
        {locales.map((locale) => (
          <li key={locale}>
            <a
              href={inLanguage(path, locale) + (search ? `?${search}` : "")}
              hrefLang={locale}
              lang={locale}
              aria-current={locale === current ? "true" : undefined}
              className={locale === current ? "font-bold text-slate-950 no-underline" : "text-blue-800"}
            >
              {names[locale]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * Keeps the current page and its query when the language changes. No Suspense around it: every
 * page is rendered per request, where the query is known, and a boundary would be sent late,
 * completed by an inline script (a visitor's page goes without scripts: server/hydration.ts).
 */
export function LanguageSwitcher({ current, label }: { current: AppLocale; label: string }) {
  const path = usePathname();
  const search = useSearchParams().toString();
  return <Links current={current} label={label} path={path} search={search} />;
}
