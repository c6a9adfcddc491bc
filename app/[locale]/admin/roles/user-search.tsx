import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button-class";
import { inputClass } from "@/components/ui/input-class";
import { Table, Td } from "@/components/ui/table";
import { Link } from "@/i18n/navigation";
import type { AppLocale } from "@/i18n/routing";
import { USER_SEARCH_LIMIT, type UserSearchResult } from "@/lib/roles/queries";


type Props = {
  locale: AppLocale;
  /** The admin page the search belongs to, without the locale ("/admin/roles"). */
  basePath: string;
  /** Where "Choose" jumps to on the page: the grant form. */
  formAnchor: string;
  query: string;
  results: UserSearchResult[];
};

/**
 * Finding the account a role or term goes to, without JavaScript: a GET form, a table of
 * matches, and a "Choose" link that reloads the page with ?user=<id> to fill the grant form.
 */
export async function UserSearch({ locale, basePath, formAnchor, query, results }: Props) {
  const t = await getTranslations("admin.search");
  const tr = await getTranslations("admin.roleNames");
  const trimmed = query.trim();
  return (
    <section aria-labelledby="user-search-heading" className="space-y-4">
      <h2 id="user-search-heading" className="text-xl font-semibold text-slate-950">
        {t("heading")}
      </h2>
      <form method="get" action={`/${locale}${basePath}`} role="search" aria-labelledby="user-search-heading" className="flex flex-wrap items-end gap-3">
        <div className="min-w-64 flex-1 space-y-1">
          <label htmlFor="user-search-q" className="block font-medium text-slate-900">
            {t("label")}
          </label>
          <p id="user-search-hint" className="text-sm text-slate-700">
            {t("hint")}
          </p>
          <input
            id="user-search-q"
            name="q"
            type="search"
            defaultValue={query}
            minLength={3}
            maxLength={100}
            autoComplete="off"
            aria-describedby="user-search-hint"
            className={inputClass}
          />
        </div>
        <button type="submit" className={buttonClass("secondary")}>
          {t("submit")}
        </button>
      </form>
      {trimmed.length > 0 && trimmed.length < 3 ? <p className="text-slate-800">{t("tooShort")}</p> : null}
      {trimmed.length >= 3 && results.length === 0 ? <p className="text-slate-800">{t("noResults", { query: trimmed })}</p> : null}
      {results.length > 0 ? (
        <>
          <Table caption={t("caption")} head={[t("name"), t("email"), t("roles"), t("action")]}>
            {results.map((user) => (
              <tr key={user.id}>
                <Td>{user.name}</Td>
                <Td className="px-4 py-2 align-top break-all text-slate-900">{user.email}</Td>
                <Td>
                  {user.roles.length ? (
                    <span className="flex flex-wrap gap-1">
                      {user.roles.map((role) => (
                        <Badge key={role} tone={role === "ADMIN" ? "warning" : "info"}>
                          {tr(role)}
                        </Badge>
                      ))}
                    </span>
                  ) : (
                    t("noRole")
                  )}
                </Td>
                <Td>
                  <Link
                    href={`${basePath}?${new URLSearchParams({ q: trimmed, user: user.id }).toString()}#${formAnchor}`}
                    className="font-medium text-blue-800 underline"
                  >
                    {t("choose")}
                    <span className="sr-only"> {user.name}</span>
                  </Link>
                </Td>
              </tr>
            ))}
          </Table>
          {results.length >= USER_SEARCH_LIMIT ? <p className="text-sm text-slate-700">{t("limited", { count: USER_SEARCH_LIMIT })}</p> : null}
        </>
      ) : null}
    </section>
  );
}
