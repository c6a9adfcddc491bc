import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/ui/action-form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Select } from "@/components/ui/select";
import { Table, Td } from "@/components/ui/table";
import { resolvePageLocale } from "@/i18n/page-locale";
import { requireAdmin } from "@/lib/auth/guards";
import { findUserForPicking, listSiteRoleHolders, searchUsers } from "@/lib/roles/queries";
import { SITE_ROLES } from "@/lib/roles/schemas";
import { INSTITUTION_KINDS } from "@/lib/dialogue/schemas";
import { countryOptions } from "@/lib/i18n/countries";
import { grantSiteRoleAction, revokeSiteRoleAction } from "./actions";
import { UserSearch } from "./user-search";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const locale = await resolvePageLocale(params);
  const t = await getTranslations({ locale, namespace: "admin.roles" });
  return { title: t("title"), robots: { index: false } };
}

export default async function RolesPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: SearchParams }) {
  const locale = await resolvePageLocale(params);
  await requireAdmin(locale, "/admin/roles");
  const sp = await searchParams;
  const query = (one(sp.q) ?? "").slice(0, 100);
  const t = await getTranslations("admin.roles");
  const ts = await getTranslations("admin.search");
  const tr = await getTranslations("admin.roleNames");
  const tc = await getTranslations("common");
  const format = await getFormatter();
  const [holders, results, picked] = await Promise.all([listSiteRoleHolders(), searchUsers(query), findUserForPicking(one(sp.user))]);
  const roleOptions = SITE_ROLES.map((role) => ({ value: role, label: tr(role) }));

  return (
    <>
      <PageHeader title={t("title")} lead={t("lead")} />
      <div className="space-y-10">
        <section aria-labelledby="holders-heading" className="space-y-4">
          <h2 id="holders-heading" className="text-xl font-semibold text-slate-950">
            {t("holdersHeading")}
          </h2>
          {holders.length === 0 ? (
            <EmptyState title={t("empty")} />
          ) : (
            <Table caption={t("caption")} head={[t("name"), t("email"), t("roles")]}>
              {holders.map((holder) => (
                <tr key={holder.userId}>
                  <Td>{holder.name}</Td>
                  <Td className="px-4 py-2 align-top break-all text-slate-900">{holder.email}</Td>
                  <Td>
                    <ul className="space-y-3">
                      {holder.roles.map((r) => (
                        <li key={r.role} className="flex flex-wrap items-center gap-x-3 gap-y-1">
                          <Badge tone={r.role === "ADMIN" ? "warning" : r.role === "MONITORING_REVIEWER" ? "success" : "info"}>{tr(r.role)}</Badge>
                          <span className="text-sm text-slate-700">
                            {t("since", { date: format.dateTime(r.grantedAt, "short") })}
                            {r.grantedByName ? ` · ${t("grantedBy", { name: r.grantedByName })}` : null}
                          </span>
                          <ActionForm action={revokeSiteRoleAction} successMessage={t("revoked")} className="space-y-2">
                            <input type="hidden" name="userId" value={holder.userId} />
                            <input type="hidden" name="role" value={r.role} />
                            <Button variant="link" pendingLabel={t("revokePending")}>
                              {t("revoke", { role: tr(r.role) })}
                              <span className="sr-only"> {t("revokeFrom", { name: holder.name })}</span>
                            </Button>
                          </ActionForm>
                        </li>
                      ))}
                    </ul>
                  </Td>
                </tr>
              ))}
            </Table>
          )}
        </section>

        <UserSearch locale={locale} basePath="/admin/roles" formAnchor="grant-role" query={query} results={results} />

        <Card>
          <h2 id="grant-role" className="mb-4 text-xl font-semibold text-slate-950" tabIndex={-1}>
            {t("grantHeading")}
          </h2>
          {picked ? <p className="mb-4 text-slate-800">{ts("picked", { name: picked.name, email: picked.email })}</p> : null}
          <ActionForm action={grantSiteRoleAction} successMessage={t("granted")} aria-label={t("grantHeading")}>
            <Field
              name="email"
              type="email"
              label={t("emailLabel")}
              hint={t("emailHint")}
              required
              requiredLabel={tc("requiredField")}
              autoComplete="off"
              defaultValue={picked?.email}
            />
            <Select name="role" label={t("roleLabel")} options={roleOptions} defaultValue="STAFF" required requiredLabel={tc("requiredField")} />
            <Select name="institution" label={t("institutionLabel")} hint={t("institutionHint")} placeholder={t("noInstitution")} options={INSTITUTION_KINDS.map((k) => ({ value: k, label: t(`institutions.${k}`) }))} />
            <Select name="country" label={t("countryLabel")} placeholder={t("noInstitution")} options={countryOptions(locale)} />
            <Button pendingLabel={t("grantPending")}>{t("grant")}</Button>
          </ActionForm>
        </Card>
      </div>
    </>
  );
}
