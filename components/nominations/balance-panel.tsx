import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import type { Balance, BalanceCounts, BalanceWarning } from "@/lib/nominations/balance";
import { GENDER_KEYS } from "@/lib/nominations/balance";
import { SUBREGIONS } from "@/lib/organizations/subregions";
import { locales } from "@/i18n/routing";

/** The sentences of balance warnings; `would`: about the slate if someone were selected. */
export async function balanceWarningTexts(warnings: readonly BalanceWarning[], would = false): Promise<string[]> {
  const [t, tg, tc] = await Promise.all([getTranslations("nominations.balance"), getTranslations("nominations.genders"), getTranslations("common")]);
  const prefix = would ? "warningIfSelected" : "warning";
  return warnings.map((w) =>
    w.dimension === "gender"
      ? t(`${prefix}.gender`, { count: w.count, seats: w.seats, gender: tg(w.key) })
      : t(`${prefix}.subregion`, { count: w.count, seats: w.seats, subregion: tc(`subregions.${w.key}`) }),
  );
}

type Row = { label: string; count: (c: BalanceCounts) => number };

const cell = "px-2 py-1.5 align-top sm:px-3";

/** One dimension: a heading row spanning the table, then one row per group with both counts. */
function Dimension({ heading, rows, slate, pool }: { heading: string; rows: Row[]; slate: Balance; pool: BalanceCounts }): ReactNode {
  return (
    <tbody className="divide-y divide-slate-200">
      <tr className="bg-slate-50">
        <th scope="rowgroup" colSpan={3} className={`${cell} text-left font-semibold text-slate-950`}>
          {heading}
        </th>
      </tr>
      {rows.map((row) => (
        <tr key={row.label}>
          <th scope="row" className={`${cell} text-left font-normal text-slate-900`}>
            {row.label}
          </th>
          <td className={`${cell} text-right tabular-nums text-slate-900`}>{row.count(slate)}</td>
          <td className={`${cell} text-right tabular-nums text-slate-900`}>{row.count(pool)}</td>
        </tr>
      ))}
    </tbody>
  );
}

/**
 * The balance of the selected speakers beside that of everyone who accepted (what the slate is
 * chosen from): gender, sub-region, migrant-led and diaspora organizations, languages,
 * first-time speakers. Committee and staff only (gender is private). The table fits a phone:
 * three columns that wrap, no fixed widths.
 */
export async function BalancePanel({ balance, pool, headingLevel = 2, id }: { balance: Balance; pool: BalanceCounts; headingLevel?: 2 | 3; id: string }) {
  const [t, tg, tc] = await Promise.all([getTranslations("nominations.balance"), getTranslations("nominations.genders"), getTranslations("common")]);
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const warnings = await balanceWarningTexts(balance.warnings);
  const dimensions: { heading: string; rows: Row[] }[] = [
    { heading: t("gender"), rows: GENDER_KEYS.map((g) => ({ label: tg(g), count: (c) => c.gender[g] })) },
    { heading: t("subregion"), rows: SUBREGIONS.map((s) => ({ label: tc(`subregions.${s}`), count: (c) => c.subregion[s] })) },
    {
      heading: t("organizations"),
      rows: [
        { label: t("migrantLed"), count: (c) => c.migrantLed },
        { label: t("diaspora"), count: (c) => c.diaspora },
        { label: t("organizationUnknown"), count: (c) => c.organizationUnknown },
      ],
    },
    { heading: t("languages"), rows: locales.map((l) => ({ label: tc(`languages.${l}`), count: (c) => c.languages[l] })) },
    {
      heading: t("experience"),
      rows: [
        { label: t("firstTime"), count: (c) => c.firstTime },
        { label: t("returning"), count: (c) => c.returning },
      ],
    },
  ];
  return (
    <section aria-labelledby={id} className="min-w-0 space-y-3 rounded-lg border border-slate-300 bg-white p-4">
      <Heading id={id} className="text-lg font-semibold text-slate-950">
        {t("heading")}
      </Heading>
      <p className="text-slate-800">{t("filled", { filled: balance.filled, seats: balance.seats })}</p>
      {warnings.length ? (
        <Alert tone="warning" title={t("warningTitle")}>
          <ul className="list-disc space-y-1 pl-5">
            {warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {balance.filled === 0 ? <p className="text-slate-700">{t("empty")}</p> : null}
      {pool.people === 0 ? (
        <p className="text-slate-700">{t("poolEmpty")}</p>
      ) : (
        <table className="w-full border-collapse text-sm [overflow-wrap:anywhere]">
          <caption className="mb-2 text-left font-medium text-slate-900">{t("caption")}</caption>
          <thead className="border-b border-slate-300">
            <tr>
              <th scope="col" className={`${cell} text-left font-semibold text-slate-900`}>
                {t("group")}
              </th>
              <th scope="col" className={`${cell} text-right font-semibold text-slate-900`}>
                {t("slate", { filled: balance.filled, seats: balance.seats })}
              </th>
              <th scope="col" className={`${cell} text-right font-semibold text-slate-900`}>
                {t("pool", { count: pool.people })}
              </th>
            </tr>
          </thead>
          {dimensions.map((d) => (
            <Dimension key={d.heading} heading={d.heading} rows={d.rows} slate={balance} pool={pool} />
          ))}
        </table>
      )}
    </section>
  );
}
