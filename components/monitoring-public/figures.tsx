import { useId } from "react";
import { getFormatter, getTranslations } from "next-intl/server";
import { RegionMap, RegionMapLegend, type MapShade } from "@/components/champions/region-map";
import { Table, Td } from "@/components/ui/table";
import { Link } from "@/i18n/navigation";
import type { AppLocale } from "@/i18n/routing";
import { countryName } from "@/lib/i18n/countries";
import { shadeOf, type Cell } from "@/lib/monitoring/aggregates";
import type { PublicAggregates } from "@/lib/monitoring/public-queries";

type Translate = Awaited<ReturnType<typeof getTranslations<"monitoringPublic">>>;
type Format = Awaited<ReturnType<typeof getFormatter>>;

/** A count as the reader sees it: the number, "fewer than 5", or "withheld" (never a hidden number). */
export function cellText(cell: Cell, t: Translate, format: Format): string {
  if (cell.kind === "shown") return format.number(cell.value);
  return cell.kind === "small" ? t("aggregates.fewerThan5") : t("aggregates.withheld");
}

/** "Q2 2026" from "2026-Q2". */
export const quarterLabel = (quarter: string, t: Translate) => t("quarter", { quarter: quarter.slice(-1), year: quarter.slice(0, 4) });

const SHADES: MapShade[] = [0, 1, 2, 3, 4];

/** The map (shaded by each country's published cases), its legend, the two tables and the per-quarter chart. */
export async function MonitoringFigures({ data, locale }: { data: PublicAggregates; locale: AppLocale }) {
  const [t, format] = await Promise.all([getTranslations("monitoringPublic"), getFormatter()]);
  if (data.countries.length === 0) return <p className="text-slate-800">{t("aggregates.none")}</p>;
  const names = data.countries.map((code) => countryName(code, locale));
  const mapLabel = (cell: Cell) =>
    cell.kind === "shown" ? t("map.label", { count: cell.value }) : cell.kind === "small" ? t("map.labelFewer") : t("map.labelWithheld");
  return (
    <div className="space-y-8">
      <div className="space-y-3">
        {/* The table below gives the same figures: it is the map's text alternative. */}
        <RegionMap
          title={t("map.title")}
          description={t("map.description")}
          sprite={`/${locale}/champions/map.svg`}
          countries={data.countries.map((code, i) => ({
            code,
            name: names[i],
            href: `/${locale}/monitoring?country=${code.toLowerCase()}`,
            highlighted: true,
            label: mapLabel(data.byQuarter.countryTotals[i]),
            shade: shadeOf(data.byQuarter.countryTotals[i]),
          }))}
        />
        <RegionMapLegend title={t("map.legend")} items={SHADES.map((shade) => ({ shade, label: t(`map.shade${shade}`) }))} />
      </div>

      <Table caption={t("aggregates.byQuarter")} head={[t("aggregates.country"), ...data.quarters.map((q) => quarterLabel(q, t)), t("aggregates.total")]}>
        {data.countries.map((code, i) => (
          <tr key={code}>
            <Td>
              <Link href={`/monitoring?country=${code.toLowerCase()}`}>{names[i]}</Link>
            </Td>
            {data.byQuarter.cells[i].map((cell, j) => (
              <Td key={data.quarters[j]}>{cellText(cell, t, format)}</Td>
            ))}
            <Td className="font-semibold">{cellText(data.byQuarter.countryTotals[i], t, format)}</Td>
          </tr>
        ))}
        <tr className="bg-slate-50">
          <Td className="font-semibold">{t("aggregates.total")}</Td>
          {data.byQuarter.quarterTotals.map((cell, j) => (
            <Td key={data.quarters[j]} className="font-semibold">
              {cellText(cell, t, format)}
            </Td>
          ))}
          <Td className="font-semibold">{cellText(data.byQuarter.total, t, format)}</Td>
        </tr>
      </Table>

      <QuarterChart caption={t("aggregates.chart")} bars={data.quarters.map((q, j) => ({ key: q, label: quarterLabel(q, t), cell: data.byQuarter.quarterTotals[j] }))} t={t} format={format} />

      <div className="space-y-2">
        <Table caption={t("aggregates.byCategory")} head={[t("aggregates.country"), ...data.byCategory.categories.map((c) => t(`categories.${c}`))]}>
          {data.countries.map((code, i) => (
            <tr key={code}>
              <Td>{names[i]}</Td>
              {data.byCategory.cells[i].map((cell, j) => (
                <Td key={data.byCategory.categories[j]}>{cellText(cell, t, format)}</Td>
              ))}
            </tr>
          ))}
          <tr className="bg-slate-50">
            <Td className="font-semibold">{t("aggregates.total")}</Td>
            {data.byCategory.categoryTotals.map((cell, j) => (
              <Td key={data.byCategory.categories[j]} className="font-semibold">
                {cellText(cell, t, format)}
              </Td>
            ))}
          </tr>
        </Table>
        <p className="text-sm text-slate-800">{t("aggregates.categoryNote")}</p>
      </div>
    </div>
  );
}

// Plain HTML like the champions' inclusion chart: the number (or "fewer than 5") is always
// written; the bar (aria-hidden, one colour) only adds a length. A hidden count has no bar.
function QuarterChart({ caption, bars, t, format }: { caption: string; bars: { key: string; label: string; cell: Cell }[]; t: Translate; format: Format }) {
  const id = useId();
  const max = Math.max(0, ...bars.map((b) => (b.cell.kind === "shown" ? b.cell.value : 0)));
  return (
    <figure aria-labelledby={id} className="max-w-xl">
      <figcaption id={id} className="mb-2 font-semibold text-slate-900">
        {caption}
      </figcaption>
      <ol className="space-y-1">
        {bars.map((bar) => {
          const percent = bar.cell.kind === "shown" && max > 0 ? Math.round((bar.cell.value / max) * 100) : 0;
          return (
            <li key={bar.key} className="grid grid-cols-[minmax(0,6rem)_minmax(0,1fr)_auto] items-center gap-2 text-sm">
              <span className="min-w-0 break-words text-slate-900">{bar.label}</span>
              <span className="h-3 rounded-sm bg-slate-200" aria-hidden="true">
                <span className="block h-3 rounded-sm bg-blue-800" style={{ width: `${percent}%` }} />
              </span>
              <span className="min-w-8 text-right font-semibold tabular-nums text-slate-950">{cellText(bar.cell, t, format)}</span>
            </li>
          );
        })}
      </ol>
    </figure>
  );
}
