import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/ui/action-form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox-group";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Select } from "@/components/ui/select";
import { Table, Td } from "@/components/ui/table";
import { Link } from "@/i18n/navigation";
import { resolvePageLocale } from "@/i18n/page-locale";
import { requireStaff } from "@/lib/auth/guards";
import {
  findUserForPicking,
  listCommitteeTerms,
  listVerifiedOrganizationOptions,
  searchUsers,
  type CommitteeTermRow,
} from "@/lib/roles/queries";
import { UserSearch } from "../roles/user-search";
import { endCommitteeTermAction, grantCommitteeTermAction } from "./actions";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const locale = await resolvePageLocale(params);
  const t = await getTranslations({ locale, namespace: "admin.committee" });
  return { title: t("title"), robots: { index: false } };
}

export default async function CommitteePage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: SearchParams }) {
  const locale = await resolvePageLocale(params);
  await requireStaff(locale, "/admin/committee");
  const sp = await searchParams;
  const query = (one(sp.q) ?? "").slice(0, 100);
  const t = await getTranslations("admin.committee");
  const ts = await getTranslations("admin.search");
  const tc = await getTranslations("common");
  const format = await getFormatter();
  const [terms, organizations, results, picked] = await Promise.all([
    listCommitteeTerms(),
    listVerifiedOrganizationOptions(),
    searchUsers(query),
    findUserForPicking(one(sp.user)),
  ]);
  // Term dates are calendar days: format them in UTC so no time zone moves them.
  const day = (date: Date) => format.dateTime(date, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

  const termTable = (rows: CommitteeTermRow[], caption: string, withActions: boolean) => (
    <Table
      caption={caption}
      head={[t("member"), t("represents"), t("period"), t("status"), ...(withActions ? [t("actions")] : [])]}
    >
      {rows.map((term) => (
        <tr key={term.id}>
          <Td>
            <span className="font-medium">{term.userName}</span>
            {term.isChair ? (
              <>
                {" "}
                <Badge tone="info">{t("chair")}</Badge>
              </>
            ) : null}
            {term.grantedByName ? <span className="block text-sm text-slate-700">{t("grantedBy", { name: term.grantedByName })}</span> : null}
          </Td>
          <Td>
            {term.organization ? (
              <Link href={`/organizations/${term.organization.slug}`} className="text-blue-800 underline">
                {term.organization.name}
              </Link>
            ) : (
              t("noOrganization")
            )}
          </Td>
          <Td>{t("periodValue", { start: day(term.startsOn), end: day(term.endsOn) })}</Td>
          <Td>
            <Badge tone={term.state === "current" ? "success" : term.state === "upcoming" ? "info" : "neutral"}>{t(`states.${term.state}`)}</Badge>
            {term.endedEarlyAt ? (
              <span className="mt-1 block text-sm text-slate-700">
                {t("endedEarly", { date: format.dateTime(term.endedEarlyAt, "short") })}
              </span>
            ) : null}
          </Td>
          {withActions ? (
            <Td>
              <ActionForm action={endCommitteeTermAction} successMessage={t("ended")} className="space-y-2">
                <input type="hidden" name="termId" value={term.id} />
                <Button variant="secondary" pendingLabel={t("endPending")}>
                  {t("end")}
                  <span className="sr-only"> {t("endOf", { name: term.userName })}</span>
                </Button>
              </ActionForm>
            </Td>
          ) : null}
        </tr>
      ))}
    </Table>
  );

  return (
    <>
      <PageHeader title={t("title")} lead={t("lead")} />
      <div className="space-y-10">
        <section aria-labelledby="current-terms" className="space-y-4">
          <h2 id="current-terms" className="text-xl font-semibold text-slate-950">
            {t("currentHeading")}
          </h2>
          {terms.current.length ? termTable(terms.current, t("currentCaption"), true) : <EmptyState title={t("emptyCurrent")} />}
        </section>

        <UserSearch locale={locale} basePath="/admin/committee" formAnchor="grant-term" query={query} results={results} />

        <Card>
          <h2 id="grant-term" className="mb-4 text-xl font-semibold text-slate-950" tabIndex={-1}>
            {t("grantHeading")}
          </h2>
          {picked ? <p className="mb-4 text-slate-800">{ts("picked", { name: picked.name, email: picked.email })}</p> : null}
          <ActionForm action={grantCommitteeTermAction} successMessage={t("granted")} aria-label={t("grantHeading")}>
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
            <Select
              name="organizationId"
              label={t("organizationLabel")}
              hint={t("organizationHint")}
              placeholder={t("organizationNone")}
              options={organizations.map((o) => ({ value: o.id, label: o.acronym ? `${o.name} (${o.acronym})` : o.name }))}
            />
            <div className="grid gap-5 sm:grid-cols-2">
              <Field name="startsOn" type="date" label={t("startsOnLabel")} required requiredLabel={tc("requiredField")} />
              <Field name="endsOn" type="date" label={t("endsOnLabel")} required requiredLabel={tc("requiredField")} />
            </div>
            <Checkbox name="isChair" label={t("isChairLabel")} hint={t("isChairHint")} />
            <Button pendingLabel={t("grantPending")}>{t("grant")}</Button>
          </ActionForm>
        </Card>

        <section aria-labelledby="past-terms" className="space-y-4">
          <h2 id="past-terms" className="text-xl font-semibold text-slate-950">
            {t("pastHeading")}
          </h2>
          {terms.past.length ? termTable(terms.past, t("pastCaption"), false) : <EmptyState title={t("emptyPast")} />}
        </section>
      </div>
    </>
  );
}
