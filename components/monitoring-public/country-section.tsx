import { getFormatter, getTranslations } from "next-intl/server";
import { Table, Td } from "@/components/ui/table";
import { Link } from "@/i18n/navigation";
import type { AppLocale } from "@/i18n/routing";
import { countryName } from "@/lib/i18n/countries";
import { countryAggregates } from "@/lib/monitoring/public-queries";
import { cellText } from "./figures";

/** A country's row of the public monitoring tables (the same suppression as /monitoring), for its champion page. */
export async function CountryMonitoring({ country, locale }: { country: string; locale: AppLocale }) {
  const [t, format, data] = await Promise.all([getTranslations("monitoringPublic"), getFormatter(), countryAggregates(country)]);
  const name = countryName(country, locale);
  return (
    <section aria-labelledby="monitoring-heading" className="space-y-3">
      <h2 id="monitoring-heading" className="text-xl font-semibold">
        {t("champion.heading")}
      </h2>
      {data ? (
        <>
          <p className="text-slate-800">{t("champion.lead", { country: name })}</p>
          <p className="font-semibold text-slate-950">{t("champion.total", { value: cellText(data.total, t, format) })}</p>
          <Table caption={t("champion.caption", { country: name })} head={[t("filters.category"), t("champion.cases")]}>
            {data.byCategory.map(({ category, cell }) => (
              <tr key={category}>
                <Td>{t(`categories.${category}`)}</Td>
                <Td>{cellText(cell, t, format)}</Td>
              </tr>
            ))}
          </Table>
        </>
      ) : (
        <p className="text-slate-800">{t("champion.none", { country: name })}</p>
      )}
      <p>
        <Link href={`/monitoring?country=${country.toLowerCase()}`}>{t("champion.link", { country: name })}</Link>
      </p>
    </section>
  );
}
