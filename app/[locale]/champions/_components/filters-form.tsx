import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button-class";
import { inputClass } from "@/components/ui/input-class";
import { INCLUSION_RUNGS } from "@/components/champions/labels";
import { Link } from "@/i18n/navigation";
import type { AppLocale } from "@/i18n/routing";
import type { InitiativeFilters } from "@/lib/champions/filters";
import { COMMITMENT_STATUS_ORDER } from "@/lib/champions/queries";
import { GCM_OBJECTIVES } from "@/lib/gcm/objectives";
import { countryFilterOptions } from "@/lib/i18n/countries";

function FilterSelect(props: { name: string; label: string; value?: string; all: string; options: { value: string; label: string }[] }) {
  const id = `filter-${props.name}`;
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

/** A GET form: works without JavaScript, and the URL it makes can be shared. `country` is left out on a country's page. */
export async function InitiativeFiltersForm({
  locale,
  action,
  filters,
  countries,
  clearHref,
}: {
  locale: AppLocale;
  action: string;
  filters: InitiativeFilters;
  countries?: { country: string; count: number }[];
  clearHref: string;
}) {
  const [t, tc, tg] = await Promise.all([getTranslations("champions"), getTranslations("common"), getTranslations("gcm")]);
  const active = Boolean((countries && filters.country) || filters.objective || filters.status || filters.inclusion);
  return (
    <form method="get" action={action} role="search" aria-label={t("filters.label")} className="filters">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {countries ? (
          <FilterSelect
            name="country"
            label={t("filters.country")}
            all={tc("all")}
            value={filters.country}
            options={countryFilterOptions(countries, locale, filters.country).map((o) => ({ ...o, value: o.value.toLowerCase() }))}
          />
        ) : null}
        <FilterSelect
          name="objective"
          label={t("filters.objective")}
          all={tc("all")}
          value={filters.objective?.toString()}
          options={GCM_OBJECTIVES.map((n) => ({ value: String(n), label: `${n}. ${tg(String(n))}` }))}
        />
        <FilterSelect name="status" label={t("filters.status")} all={tc("all")} value={filters.status} options={COMMITMENT_STATUS_ORDER.map((s) => ({ value: s, label: t(`statuses.${s}`) }))} />
        <FilterSelect
          name="inclusion"
          label={t("filters.inclusion")}
          all={tc("all")}
          value={filters.inclusion}
          options={INCLUSION_RUNGS.map((level) => ({ value: level, label: t(`inclusion.${level}`) }))}
        />
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" className={buttonClass("primary")}>
          {t("filters.apply")}
        </button>
        {active ? <Link href={clearHref}>{tc("clearFilters")}</Link> : null}
      </div>
    </form>
  );
}
