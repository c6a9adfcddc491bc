import "server-only";
import NextLink from "next/link";
import { createNavigation } from "next-intl/navigation";
import { getLocale } from "next-intl/server";
import type { ComponentProps } from "react";
import { localeOr, routing, type AppLocale } from "./routing";

// Server-side only. next-intl's Link and hooks are not used: its Link renders a client wrapper
// that needs NextIntlClientProvider, whose runtime (~12 KB gzipped) would ship on every page.
export const { redirect, getPathname } = createNavigation(routing);

type Props = Omit<ComponentProps<typeof NextLink>, "href" | "locale" | "ref"> & {
  href: Parameters<typeof getPathname>[0]["href"];
  /** Another language than the page's. */
  locale?: AppLocale;
};

/**
 * A link inside the portal, in the page's language: next/link with the localized path worked
 * out on the server, so the browser gets a plain link (no i18n runtime, a smaller page payload).
 */
export async function Link({ href, locale, ...rest }: Props) {
  const target = locale ?? localeOr(await getLocale());
  return <NextLink href={getPathname({ href, locale: target })} {...rest} />;
}
