import "server-only";
import NextLink from "next/link";
import { getLocale } from "next-intl/server";
import type { ComponentProps } from "react";
import { localeOr, type AppLocale } from "./routing";

// Not next-intl's createNavigation: importing it, even on the server, puts its client Link (and
// with it use-intl's runtime, ~13 KB gzipped) into every page's first-load JavaScript.

type Query = Record<string, string | number | boolean | readonly (string | number)[] | null | undefined>;
export type Href = string | { pathname: string; query?: Query };

/** `href` in `locale`: every path starts with the language (routing.ts, localePrefix "always"). */
export function localizedHref(href: Href, locale: AppLocale): string {
  const { pathname, query } = typeof href === "string" ? { pathname: href, query: undefined } : href;
  // Another site, or a link relative to the page, stays as written (as next-intl's Link did).
  const path = pathname.startsWith("/") && !pathname.startsWith("//") ? `/${locale}${pathname === "/" ? "" : pathname}` : pathname;
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null) continue;
    for (const one of Array.isArray(value) ? value : [value]) search.append(name, String(one));
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

type Props = Omit<ComponentProps<typeof NextLink>, "href" | "locale" | "ref"> & {
  href: Href;
  /** Another language than the page's. */
  locale?: AppLocale;
};

/**
 * A link inside the portal, in the page's language: next/link with the localized path worked
 * out on the server, so the browser gets a plain link (no i18n runtime, a smaller page payload).
 *
 * No prefetching: next/link asks the server, for a signed-in reader, for every link that scrolls
 * into view (22 to 40 requests a page view here, each a render of the layout with the person's
 * session), which cost the server 330 ms of processor time for each page a person opened and
 * spends a phone's data on pages nobody asked for. The page a person clicks is fetched then.
 */
export async function Link({ href, locale, ...rest }: Props) {
  const target = locale ?? localeOr(await getLocale());
  return <NextLink href={localizedHref(href, target)} prefetch={false} {...rest} />;
}
