import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import type { Balance, BalanceWarning } from "@/lib/nominations/balance";
import { GENDER_NOT_STATED } from "@/lib/nominations/balance";
import { SUBREGIONS } from "@/lib/organizations/subregions";
import { locales } from "@/i18n/routing";

/** The sentences of balance warnings; `would`: about the slate if someone were selected. */
export async function balanceWarningTexts(warnings: readonly BalanceWarning[], would = false): Promise<string[]> {
  const [t, tc] = await Promise.all([getTranslations("nominations.balance"), getTranslations("common")]);
  const prefix = would ? "warningIfSelected" : "warning";
  return warnings.map((w) =>
    w.dimension === "gender"
      ? t(`${prefix}.gender`, { count: w.count, seats: w.seats, gender: w.key })
      : t(`${prefix}.subregion`, { count: w.count, seats: w.seats, subregion: tc(`subregions.${w.key}`) }),
  );
}

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="border-t border-slate-200 py-2 sm:grid sm:grid-cols-3 sm:gap-4">
      <dt className="font-medium text-slate-900">{term}</dt>
      <dd className="text-slate-900 sm:col-span-2">{children}</dd>
    </div>
  );
}

/**
 * The balance of the selected speakers: gender, sub-region, migrant-led and diaspora
 * organizations, languages, first-time speakers. Committee and staff only (gender is private).
 */
export async function BalancePanel({ balance, headingLevel = 2, id }: { balance: Balance; headingLevel?: 2 | 3; id: string }) {
  const [t, tc] = await Promise.all([getTranslations("nominations.balance"), getTranslations("common")]);
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const warnings = await balanceWarningTexts(balance.warnings);
  const list = (items: { label: string; count: number }[]) => (
    <ul className="flex flex-wrap gap-x-4 gap-y-1">
      {items.map((item) => (
        <li key={item.label}>
          {t("count", { label: item.label, count: item.count })}
        </li>
      ))}
    </ul>
  );
  return (
    <section aria-labelledby={id} className="space-y-3 rounded-lg border border-slate-300 bg-white p-4">
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
      {balance.filled === 0 ? (
        <p className="text-slate-700">{t("empty")}</p>
      ) : (
        <dl>
          <Row term={t("gender")}>
            {list(balance.gender.map((g) => ({ label: g.key === GENDER_NOT_STATED ? t("genderNotStated") : g.key, count: g.count })))}
          </Row>
          <Row term={t("subregion")}>{list(SUBREGIONS.map((s) => ({ label: tc(`subregions.${s}`), count: balance.subregion[s] })))}</Row>
          <Row term={t("organizations")}>
            {list([
              { label: t("migrantLed"), count: balance.migrantLed },
              { label: t("diaspora"), count: balance.diaspora },
              { label: t("organizationUnknown"), count: balance.organizationUnknown },
            ])}
          </Row>
          <Row term={t("languages")}>{list(locales.map((l) => ({ label: tc(`languages.${l}`), count: balance.languages[l] })))}</Row>
          <Row term={t("experience")}>
            {list([
              { label: t("firstTime"), count: balance.firstTime },
              { label: t("returning"), count: balance.returning },
            ])}
          </Row>
        </dl>
      )}
    </section>
  );
}
