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

/**
 * The pages "previous" and "next" lead to, or null. Beyond the last page (an old link, a
 * hand-typed number) "previous" leads back to the last one; nothing to show for a single page.
 */
export function pageLinks(page: number, pageCount: number): { previous: number | null; next: number | null } | null {
  if (pageCount <= 1 && page <= 1) return null;
  return { previous: page > 1 ? Math.min(page - 1, Math.max(1, pageCount)) : null, next: page < pageCount ? page + 1 : null };
}

export async function Pagination({ page, pageCount, pathname, query }: Props) {
  const links = pageLinks(page, pageCount);
  if (!links) return null;
  const t = await getTranslations("common.pagination");
  const linkClass = "rounded-md border border-slate-500 px-3 py-2 font-medium text-blue-900 hover:bg-slate-100";
  return (
    <nav aria-label={t("label")} className="mt-6 flex flex-wrap items-center justify-between gap-3">
      {links.previous ? (
        <Link href={hrefFor(pathname, query, links.previous)} className={linkClass} rel="prev">
          {t("previous")}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-slate-800">{t("pageOf", { page, pageCount })}</span>
      {links.next ? (
        <Link href={hrefFor(pathname, query, links.next)} className={linkClass} rel="next">
          {t("next")}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
