import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";

export async function SiteFooter() {
  const t = await getTranslations("common");
  const tOpen = await getTranslations("openData");
  return (
    <footer data-site-footer className="mt-12 border-t border-slate-300 bg-white">
      <div className="mx-auto flex max-w-6xl flex-col gap-2 px-4 py-6 text-sm text-slate-800 sm:flex-row sm:justify-between">
        <p>{t("footer.about")}</p>
        <ul className="flex flex-wrap gap-4">
          <li>
            <Link href="/transparency">{t("nav.transparency")}</Link>
          </li>
          <li>
            <Link href="/organizations">{t("nav.organizations")}</Link>
          </li>
          <li>
            <Link href="/open-data">{tOpen("title")}</Link>
          </li>
        </ul>
      </div>
    </footer>
  );
}
