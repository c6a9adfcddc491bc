import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";

type Props = {
  page: number;
  pageCount: number;
  /** The current path and query without `page`; links keep every filter. */
  pathname: string;
  query?: Record<string, string | string[] | undefined>;
};

function hrefFor(pathname: string, query: Props["query"], page: number) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (key === "page" || value === undefined || value === "") continue;
    for (const v of Array.isArray(value) ? value : [value]) params.append(key, v);
  }
  if (page > 1) params.set("page", String(page));
  const qs = params.toString();
  return qs ? `${pathname}?${qs}` : pathname;
}

export async function Pagination({ page, pageCount, pathname, query }: Props) {
  if (pageCount <= 1) return null;
  const t = await getTranslations("common.pagination");
  const linkClass = "rounded-md border border-slate-500 px-3 py-2 font-medium text-blue-900 hover:bg-slate-100";
  return (
    <nav aria-label={t("label")} className="mt-6 flex flex-wrap items-center justify-between gap-3">
      {page > 1 ? (
        <Link href={hrefFor(pathname, query, page - 1)} className={linkClass} rel="prev">
          {t("previous")}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-slate-800">{t("pageOf", { page, pageCount })}</span>
      {page < pageCount ? (
        <Link href={hrefFor(pathname, query, page + 1)} className={linkClass} rel="next">
          {t("next")}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
