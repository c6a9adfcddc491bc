import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { defaultLocale, isLocale } from "@/i18n/routing";

// Next passes the layout's params here too; the request locale may not be set yet.
export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : defaultLocale, namespace: "common.notFound" });
  return { title: t("title"), robots: { index: false } };
}

export default async function NotFound() {
  const [t, tc] = await Promise.all([getTranslations("common.notFound"), getTranslations("common")]);
  return (
    <div className="mx-auto max-w-xl py-12 text-center">
      {/* Also rendered here: once the page hydrates, Next puts back the layout's default title. */}
      <title>{`${t("title")} · ${tc("siteName")}`}</title>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-3 text-slate-800">{t("body")}</p>
      <p className="mt-6">
        <Link href="/">{t("home")}</Link>
      </p>
    </div>
  );
}
