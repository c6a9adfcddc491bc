import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button-class";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Select } from "@/components/ui/select";
import { Table, Td } from "@/components/ui/table";
import { Link } from "@/i18n/navigation";
import { resolvePageLocale } from "@/i18n/page-locale";
import { locales } from "@/i18n/routing";
import { requireSignedIn } from "@/lib/auth/guards";
import { GCM_OBJECTIVES } from "@/lib/gcm/objectives";
import type { ProposalStatus } from "@/lib/generated/prisma/enums";
import { countryName } from "@/lib/i18n/countries";
import { countrySelectOptions } from "@/lib/organizations/options";
import { parsePage } from "@/lib/organizations/schemas";
import { canUseDesk, listDeskQueue, type DeskFilters } from "@/lib/proposals/desk";
import { PUBLIC_STATUSES } from "@/lib/proposals/visibility";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const locale = await resolvePageLocale(params);
  const t = await getTranslations({ locale, namespace: "proposalDesk.desk" });
  return { title: t("title"), robots: { index: false } };
}

const STATUS_TONE: Record<ProposalStatus, "neutral" | "info" | "success" | "warning" | "danger"> = {
  DRAFT: "neutral",
  SUBMITTED: "info",
  UNDER_REVIEW: "warning",
  ACCEPTED: "success",
  NOT_RETAINED: "danger",
  INCORPORATED: "success",
  WITHDRAWN: "neutral",
};

const linkClass = "font-medium text-blue-800 underline underline-offset-2";

/** The query string of the desk for these filters (and a state), for shareable links. */
function deskHref(filters: DeskFilters, state?: ProposalStatus) {
  const params = new URLSearchParams();
  if (filters.objective !== undefined) params.set("objective", String(filters.objective));
  if (filters.country) params.set("country", filters.country);
  if (filters.language) params.set("language", filters.language);
  if (state) params.set("state", state);
  const qs = params.toString();
  return qs ? `/dashboard/proposals?${qs}` : "/dashboard/proposals";
}

/** Committee members and staff: the proposals waiting for review, oldest first, with filters. */
export default async function ProposalDeskPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const locale = await resolvePageLocale(params);
  const query = await searchParams;
  const actor = await requireSignedIn(locale, "/dashboard/proposals");
  if (!canUseDesk(actor)) notFound();

  const t = await getTranslations("proposalDesk");
  const tc = await getTranslations("common");
  const tg = await getTranslations("gcm");
  const format = await getFormatter();
  const desk = await listDeskQueue(actor, query, parsePage(query.page));
  const { filters } = desk;
  const hasFilters = filters.objective !== undefined || !!filters.country || !!filters.language || !!filters.state;

  return (
    <>
      <PageHeader title={t("desk.title")} lead={t("desk.lead")} />

      <form
        method="get"
        action={`/${locale}/dashboard/proposals`}
        role="search"
        aria-label={t("desk.filtersLabel")}
        className="mb-6 grid gap-4 rounded-lg border border-slate-300 bg-slate-50 p-4 sm:grid-cols-2 lg:grid-cols-5 lg:items-end"
      >
        <Select
          name="objective"
          label={t("desk.objective")}
          placeholder={tc("all")}
          options={GCM_OBJECTIVES.map((n) => ({ value: String(n), label: `${n}. ${tg(String(n))}` }))}
          defaultValue={filters.objective !== undefined ? String(filters.objective) : ""}
        />
        <Select name="country" label={t("desk.country")} placeholder={tc("all")} options={countrySelectOptions(locale)} defaultValue={filters.country ?? ""} />
        <Select
          name="language"
          label={t("desk.language")}
          placeholder={tc("all")}
          options={locales.map((l) => ({ value: l, label: tc(`languages.${l}`) }))}
          defaultValue={filters.language ?? ""}
        />
        <Select
          name="state"
          label={t("desk.state")}
          placeholder={t("desk.stateQueue")}
          options={PUBLIC_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))}
          defaultValue={filters.state ?? ""}
        />
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" className={buttonClass("primary")}>
            {tc("filter")}
          </button>
          {hasFilters ? <Link href="/dashboard/proposals">{tc("clearFilters")}</Link> : null}
        </div>
      </form>

      <section aria-labelledby="desk-counts" className="mb-8">
        <h2 id="desk-counts" className="mb-3 text-lg font-semibold text-slate-950">
          {t("desk.countsHeading")}
        </h2>
        <ul className="flex flex-wrap gap-3">
          {PUBLIC_STATUSES.map((s) => (
            <li key={s}>
              <Link
                href={deskHref(filters, s)}
                aria-current={filters.state === s ? "page" : undefined}
                className="inline-flex min-h-11 items-center gap-2 rounded-md border border-slate-400 bg-white px-3 py-2 text-slate-900 no-underline hover:bg-slate-100 aria-[current=page]:border-blue-800 aria-[current=page]:bg-blue-50"
              >
                <span>{t(`statuses.${s}`)}</span>
                <span className="font-semibold">{format.number(desk.counts[s])}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="desk-queue">
        <h2 id="desk-queue" className="mb-1 text-lg font-semibold text-slate-950">
          {filters.state ? t(`statuses.${filters.state}`) : t("desk.queueHeading")}
        </h2>
        <p className="mb-4 text-slate-800">{t("desk.results", { count: desk.total })}</p>
        {desk.items.length === 0 ? (
          <EmptyState title={t("desk.empty")}>{hasFilters ? <p>{t("desk.emptyHint")}</p> : null}</EmptyState>
        ) : (
          <Table
            caption={t("desk.caption")}
            head={[t("desk.columns.proposal"), t("desk.columns.state"), t("desk.columns.submitted"), t("desk.columns.objectives"), t("desk.columns.countries"), t("desk.columns.language"), t("desk.columns.cosponsors")]}
          >
            {desk.items.map((p) => (
              <tr key={p.id} className={p.conflictOfInterest ? "bg-amber-50" : undefined}>
                <Td className="min-w-64 px-4 py-2 align-top text-slate-900">
                  <Link href={`/proposals/${p.id}`} className={linkClass}>
                    {p.title}
                  </Link>
                  <p className="text-sm text-slate-700">{t("desk.byOrganization", { organization: p.organization.name })}</p>
                  {p.conflictOfInterest ? (
                    <p className="mt-1">
                      <Badge tone="warning">{t("desk.conflict")}</Badge>
                      <span className="mt-1 block text-sm text-slate-800">{t("desk.conflictHint")}</span>
                    </p>
                  ) : null}
                </Td>
                <Td>
                  <Badge tone={STATUS_TONE[p.status]}>{t(`statuses.${p.status}`)}</Badge>
                </Td>
                <Td className="whitespace-nowrap px-4 py-2 align-top text-slate-900">
                  {p.submittedAt ? <time dateTime={p.submittedAt.toISOString()}>{format.dateTime(p.submittedAt, "short")}</time> : "—"}
                </Td>
                <Td>
                  <ul className="flex flex-wrap gap-1" aria-label={t("desk.columns.objectives")}>
                    {p.objectives.map((n) => (
                      <li key={n}>
                        <span title={tg(String(n))} className="inline-block rounded border border-slate-300 bg-slate-100 px-1.5 text-sm">
                          {n}
                        </span>
                      </li>
                    ))}
                  </ul>
                </Td>
                <Td>{p.countries.map((c) => countryName(c, locale)).join(", ") || "—"}</Td>
                <Td>{tc(`languages.${p.language}`)}</Td>
                <Td>{format.number(p.cosponsorCount)}</Td>
              </tr>
            ))}
          </Table>
        )}
        <Pagination
          page={desk.page}
          pageCount={desk.pageCount}
          pathname="/dashboard/proposals"
          query={{
            objective: filters.objective !== undefined ? String(filters.objective) : undefined,
            country: filters.country,
            language: filters.language,
            state: filters.state,
          }}
        />
      </section>
    </>
  );
}
