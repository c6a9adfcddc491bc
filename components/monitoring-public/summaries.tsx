import { getFormatter, getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button-class";
import { EmptyState } from "@/components/ui/empty-state";
import { inputClass } from "@/components/ui/input-class";
import { Link } from "@/i18n/navigation";
import type { AppLocale } from "@/i18n/routing";
import { countryName, countryOptions } from "@/lib/i18n/countries";
import { MONITORING_CATEGORIES, type MonitoringFilters } from "@/lib/monitoring/public-filters";
import type { PublicSummary } from "@/lib/monitoring/public-queries";
import { quarterLabel } from "./figures";

function FilterSelect(props: { name: string; label: string; value?: string; all: string; options: { value: string; label: string }[] }) {
  const id = `monitoring-filter-${props.name}`;
  return (
    <div>
      <label htmlFor={id}>{props.label}</label>
      <select id={id} name={props.name} defaultValue={props.value ?? ""} className={inputClass}>
        <option value="">{props.all}</option>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * A GET form (works without JavaScript; the URL can be shared). Countries are those with a
 * published summary, without counts: a count in a menu would show the small numbers the tables hide.
 */
export async function MonitoringFiltersForm({ locale, filters, countries, quarters }: { locale: AppLocale; filters: MonitoringFilters; countries: string[]; quarters: string[] }) {
  const [t, tc] = await Promise.all([getTranslations("monitoringPublic"), getTranslations("common")]);
  const codes = filters.country && !countries.includes(filters.country) ? [...countries, filters.country] : countries;
  const years = [...new Set(quarters.map((q) => q.slice(0, 4)))].sort().reverse();
  const periods = years.flatMap((year) => [
    { value: year, label: t("year", { year }) },
    ...quarters
      .filter((q) => q.startsWith(year))
      .reverse()
      .map((q) => ({ value: q, label: quarterLabel(q, t) })),
  ]);
  if (filters.period && !periods.some((p) => p.value === filters.period)) {
    periods.unshift({ value: filters.period, label: filters.period.includes("Q") ? quarterLabel(filters.period, t) : t("year", { year: filters.period }) });
  }
  const active = Boolean(filters.country || filters.category || filters.period);
  return (
    <form method="get" action={`/${locale}/monitoring`} role="search" aria-label={t("filters.label")} className="filters">
      <div className="grid gap-4 sm:grid-cols-3">
        <FilterSelect
          name="country"
          label={t("filters.country")}
          all={tc("all")}
          value={filters.country?.toLowerCase()}
          options={countryOptions(locale, codes).map((o) => ({ ...o, value: o.value.toLowerCase() }))}
        />
        <FilterSelect name="category" label={t("filters.category")} all={tc("all")} value={filters.category} options={MONITORING_CATEGORIES.map((c) => ({ value: c, label: t(`categories.${c}`) }))} />
        <FilterSelect name="period" label={t("filters.period")} all={tc("all")} value={filters.period} options={periods} />
      </div>
      <p className="text-sm text-slate-800">{t("filters.note")}</p>
      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" className={buttonClass("primary")}>
          {t("filters.apply")}
        </button>
        {active ? <Link href="/monitoring">{tc("clearFilters")}</Link> : null}
      </div>
    </form>
  );
}

/** Published summaries: country, region, month (never a day), categories, title and text, in the language they were written in. */
export async function SummaryList({ items, locale }: { items: PublicSummary[]; locale: AppLocale }) {
  const [t, format] = await Promise.all([getTranslations("monitoringPublic"), getFormatter()]);
  if (items.length === 0) return <EmptyState title={t("summaries.none")} />;
  return (
    <ul className="space-y-4">
      {items.map((s) => (
        <li key={s.id} id={`summary-${s.id}`} className="card row wrap-any p-4">
          <h3 lang={s.language}>
            {s.title}
          </h3>
          <dl className="meta pairs">
            <div>
              <dt>{`${t("summaries.country")}:`}</dt>
              <dd>{countryName(s.country, locale)}</dd>
            </div>
            {s.region ? (
              <div>
                <dt>{`${t("summaries.region")}:`}</dt>
                <dd>{s.region}</dd>
              </div>
            ) : null}
            <div>
              <dt>{`${t("summaries.month")}:`}</dt>
              <dd>
                <time dateTime={s.month.toISOString().slice(0, 7)}>{format.dateTime(s.month, { month: "long", year: "numeric", timeZone: "UTC" })}</time>
              </dd>
            </div>
            <div>
              <dt>{`${t("summaries.categories")}:`}</dt>
              <dd>{s.categories.map((c) => t(`categories.${c}`)).join(", ")}</dd>
            </div>
          </dl>
          <p className="whitespace-pre-line" lang={s.language}>
            {s.body}
          </p>
        </li>
      ))}
    </ul>
  );
}
