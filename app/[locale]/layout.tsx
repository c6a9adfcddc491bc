import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { ClientTextsProvider } from "@/components/layout/client-texts";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";
import { signOutAction } from "./(auth)/actions";
import { clientTexts } from "@/i18n/client-texts";
import { resolvePageLocale } from "@/i18n/page-locale";
import "../globals.css";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const locale = await resolvePageLocale(params);
  const t = await getTranslations({ locale, namespace: "common" });
  return {
    title: { default: t("siteName"), template: `%s · ${t("siteName")}` },
    description: t("tagline"),
    // Files in public/: browsers ask for /favicon.ico anyway, the rest is declared.
    icons: { icon: [{ url: "/favicon.ico", sizes: "48x48" }, { url: "/icon.svg", type: "image/svg+xml" }], apple: "/apple-touch-icon.png" },
    manifest: "/manifest.webmanifest",
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#1e3a8a" };

export default async function LocaleLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const locale = await resolvePageLocale(params);
  const [t, texts] = await Promise.all([getTranslations("common"), clientTexts(locale)]);
  return (
    <html lang={locale}>
      <body className="flex min-h-screen flex-col">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-3">
          {t("skipToContent")}
        </a>
        {/* No NextIntlClientProvider: forms get their messages translated by the action, client
            components their words as props; this carries the error page's three sentences. */}
        <ClientTextsProvider texts={texts}>
          <SiteHeader locale={locale} signOutAction={signOutAction} />
          <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 focus:outline-none">
            {children}
          </main>
          <SiteFooter />
        </ClientTextsProvider>
      </body>
    </html>
  );
}
