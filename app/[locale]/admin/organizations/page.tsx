import type { Metadata } from "next";
import type { ReactNode } from "react";
import { getFormatter, getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/ui/action-form";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Field, TextArea } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requireStaff } from "@/lib/auth/guards";
import { countryName } from "@/lib/i18n/countries";
import { STATUS_TONE } from "@/lib/organizations/options";
import { listReviewQueue, type ReviewQueueOrganization } from "@/lib/organizations/queries";
import { ORGANIZATION_LIMITS, parsePage } from "@/lib/organizations/schemas";
import { Link } from "@/i18n/navigation";
import { resolvePageLocale } from "@/i18n/page-locale";
import type { AppLocale } from "@/i18n/routing";
import { reinstateOrganizationAction, rejectOrganizationAction, suspendOrganizationAction, verifyOrganizationAction } from "./actions";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const locale = await resolvePageLocale(params);
  const t = await getTranslations({ locale, namespace: "organizations.review" });
  return { title: t("title"), robots: { index: false } };
}

const DONE = ["verified", "rejected", "suspended", "reinstated"] as const;

export default async function OrganizationReviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const locale = await resolvePageLocale(params);
  const query = await searchParams;
  // Visitors go to sign in; anyone but staff gets "not found". listReviewQueue checks again.
  const actor = await requireStaff(locale, "/admin/organizations");

  const t = await getTranslations("organizations");
  const tc = await getTranslations("common");
  const queue = await listReviewQueue(actor, { verifiedPage: parsePage(query.page) });
  const done = DONE.find((d) => d === query.done);

  return (
    <>
      <PageHeader title={t("review.title")} lead={t("review.lead")} />
      {done ? (
        <div className="mb-6">
          <Alert tone="success" live>
            {t(`review.done.${done}`)}
          </Alert>
        </div>
      ) : null}

      <section aria-labelledby="pending-heading" className="mb-10">
        <h2 id="pending-heading" className="mb-4 text-xl font-semibold">
          {t("review.pending", { count: queue.totals.pending })}
        </h2>
        {queue.pending.length === 0 ? (
          <EmptyState title={t("review.pendingEmpty")} />
        ) : (
          <ul className="space-y-6">
            {queue.pending.map((org) => (
              <Card key={org.id} as="li" className="space-y-4">
                <OrganizationSummary org={org} locale={locale} full />
                <div className="grid gap-6 border-t border-slate-200 pt-4 md:grid-cols-2">
                  <ActionForm action={verifyOrganizationAction} aria-label={`${t("review.verify")}: ${org.name}`}>
                    <input type="hidden" name="organizationId" value={org.id} />
                    <input type="hidden" name="locale" value={locale} />
                    <p className="text-slate-700">{t("review.verifyHint")}</p>
                    <Button pendingLabel={t("review.working")}>
                      {t("review.verify")}
                      <span className="sr-only"> {org.name}</span>
                    </Button>
                  </ActionForm>
                  <ActionForm action={rejectOrganizationAction} aria-label={`${t("review.reject")}: ${org.name}`}>
                    <input type="hidden" name="organizationId" value={org.id} />
                    <input type="hidden" name="locale" value={locale} />
                    <TextArea
                      name="reason"
                      label={t("review.rejectReason")}
                      hint={t("review.reasonHint")}
                      required
                      requiredLabel={tc("requiredField")}
                      maxLength={ORGANIZATION_LIMITS.reason}
                      rows={3}
                    />
                    <Button variant="danger" pendingLabel={t("review.working")}>
                      {t("review.reject")}
                      <span className="sr-only"> {org.name}</span>
                    </Button>
                  </ActionForm>
                </div>
              </Card>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="suspended-heading" className="mb-10">
        <h2 id="suspended-heading" className="mb-4 text-xl font-semibold">
          {t("review.suspended", { count: queue.totals.suspended })}
        </h2>
        {queue.suspended.length === 0 ? (
          <EmptyState title={t("review.suspendedEmpty")} />
        ) : (
          <ul className="space-y-4">
            {queue.suspended.map((org) => (
              <Card key={org.id} as="li" className="space-y-4">
                <OrganizationSummary org={org} locale={locale} />
                <ActionForm action={reinstateOrganizationAction} aria-label={`${t("review.reinstate")}: ${org.name}`}>
                  <input type="hidden" name="organizationId" value={org.id} />
                  <input type="hidden" name="locale" value={locale} />
                  <Button pendingLabel={t("review.working")}>
                    {t("review.reinstate")}
                    <span className="sr-only"> {org.name}</span>
                  </Button>
                </ActionForm>
              </Card>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="verified-heading">
        <h2 id="verified-heading" className="mb-4 text-xl font-semibold">
          {t("review.verified", { count: queue.totals.verified })}
        </h2>
        {queue.verified.length === 0 ? (
          <EmptyState title={t("review.verifiedEmpty")} />
        ) : (
          <ul className="space-y-4">
            {queue.verified.map((org) => (
              <Card key={org.id} as="li" className="space-y-4">
                <OrganizationSummary org={org} locale={locale} />
                <ActionForm action={suspendOrganizationAction} className="flex flex-wrap items-end gap-3" aria-label={`${t("review.suspend")}: ${org.name}`}>
                  <input type="hidden" name="organizationId" value={org.id} />
                  <input type="hidden" name="locale" value={locale} />
                  <div className="min-w-64 flex-1">
                    <Field
                      name="reason"
                      label={t("review.suspendReason")}
                      hint={t("review.reasonHint")}
                      required
                      requiredLabel={tc("requiredField")}
                      maxLength={ORGANIZATION_LIMITS.reason}
                    />
                  </div>
                  <Button variant="danger" pendingLabel={t("review.working")}>
                    {t("review.suspend")}
                    <span className="sr-only"> {org.name}</span>
                  </Button>
                </ActionForm>
              </Card>
            ))}
          </ul>
        )}
        <Pagination page={queue.verifiedPage} pageCount={queue.verifiedPageCount} pathname="/admin/organizations" />
      </section>
    </>
  );
}

/** What staff need to decide about one organization; `full` adds everything a registration holds. */
async function OrganizationSummary({ org, locale, full = false }: { org: ReviewQueueOrganization; locale: AppLocale; full?: boolean }) {
  const t = await getTranslations("organizations");
  const tc = await getTranslations("common");
  const format = await getFormatter();
  const row = (label: string, value: ReactNode) => (
    <div className="sm:col-span-1">
      <dt className="text-sm font-medium text-slate-700">{label}</dt>
      <dd className="break-words text-slate-900">{value}</dd>
    </div>
  );
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <h3 className="text-lg font-semibold">
          <Link href={`/organizations/${org.slug}`}>
            {org.name}
            {org.acronym ? ` (${org.acronym})` : ""}
          </Link>
        </h3>
        <Badge tone={STATUS_TONE[org.status]}>{t(`statuses.${org.status}`)}</Badge>
      </div>
      <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {row(t("fields.country"), countryName(org.country, locale))}
        {row(t("fields.subregion"), tc(`subregions.${org.subregion}`))}
        {row(t("fields.type"), tc(`organizationTypes.${org.type}`))}
        {full ? row(t("fields.languages"), org.languages.map((l) => tc(`languages.${l}`)).join(", ")) : null}
        {full
          ? row(
              t("fields.website"),
              org.website ? (
                <a href={org.website} rel="noopener nofollow ugc" className="break-all">
                  {org.website}
                </a>
              ) : (
                "—"
              ),
            )
          : null}
        {row(t("fields.contactEmail"), <span className="break-all">{org.contactEmail}</span>)}
        {full && org.createdBy ? row(t("review.registeredBy"), `${org.createdBy.name} <${org.createdBy.email}>`) : null}
        {row(t("review.registeredOn"), format.dateTime(org.createdAt, "short"))}
        {org.status === "SUSPENDED" && org.statusChangedAt ? row(t("review.suspendedOn"), format.dateTime(org.statusChangedAt, "short")) : null}
      </dl>
      {org.status === "SUSPENDED" && org.statusReason ? (
        <div>
          <p className="text-sm font-medium text-slate-700">{t("profile.statusReason")}</p>
          <p className="whitespace-pre-wrap break-words">{org.statusReason}</p>
        </div>
      ) : null}
      {full ? (
        <div>
          <p className="text-sm font-medium text-slate-700">{t("fields.description")}</p>
          <p className="whitespace-pre-wrap break-words">{org.description}</p>
        </div>
      ) : null}
    </div>
  );
}
