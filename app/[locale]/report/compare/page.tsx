import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { DiffView } from "@/components/report/diff-view";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button-class";
import { EmptyState } from "@/components/ui/empty-state";
import { inputClass } from "@/components/ui/input-class";
import { PageHeader } from "@/components/ui/page-header";
import { Link } from "@/i18n/navigation";
import { resolvePageLocale } from "@/i18n/page-locale";
import { getCurrentActor } from "@/lib/auth/session";
import { getComparison, listVersionChoices } from "@/lib/report/queries";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const asNumber = (value: string | string[] | undefined) => (typeof value === "string" && /^\d{1,7}$/.test(value) ? Number(value) : null);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await resolvePageLocale(params);
  const t = await getTranslations({ locale, namespace: "report" });
  return { title: t("compare.title") };
}

/**
 * What changed between two versions (?from=a&to=b): paragraph by paragraph, words marked, and
 * for each change the accepted comments behind it. The form is a plain GET form (no JavaScript).
 */
export default async function ComparePage({ params, searchParams }: Props) {
  const locale = await resolvePageLocale(params);
  const query = await searchParams;
  const actor = await getCurrentActor();
  const [t, tc, format, choices] = await Promise.all([getTranslations("report"), getTranslations("common"), getFormatter(), listVersionChoices(actor)]);

  if (choices.length < 2) {
    return (
      <>
        <PageHeader title={t("compare.title")} lead={t("compare.lead")} />
        <EmptyState title={t("compare.notEnough")}>
          <Link href="/report/versions">{t("compare.allVersions")}</Link>
        </EmptyState>
      </>
    );
  }

  const latest = choices[choices.length - 1].number;
  const to = asNumber(query.to) ?? latest;
  const from = asNumber(query.from) ?? (to > choices[0].number ? choices.filter((c) => c.number < to).at(-1)?.number ?? choices[0].number : choices[1].number);
  const showUnchanged = query.all === "1";
  const data = from !== to ? await getComparison(actor, from, to) : null;
  const options = choices.map((c) => ({ value: String(c.number), label: t("compare.option", { number: c.number, status: tc(`reportStatuses.${c.status}`) }) }));
  const toggle = new URLSearchParams({ from: String(from), to: String(to), ...(showUnchanged ? {} : { all: "1" }) });

  return (
    <>
      <PageHeader title={t("compare.title")} lead={t("compare.lead")} />

      <form method="get" action={`/${locale}/report/compare`} className="report-actions mb-8 flex flex-wrap items-end gap-4 rounded-lg border border-slate-300 bg-white p-5">
        <VersionSelect id="compare-from" name="from" label={t("compare.from")} value={from} options={options} />
        <VersionSelect id="compare-to" name="to" label={t("compare.to")} value={to} options={options} />
        {showUnchanged ? <input type="hidden" name="all" value="1" /> : null}
        <button type="submit" className={buttonClass("primary")}>
          {t("compare.submit")}
        </button>
      </form>

      {from === to ? (
        <Alert tone="warning">{t("compare.sameVersion")}</Alert>
      ) : !data ? (
        <Alert tone="warning">{t("compare.notFound")}</Alert>
      ) : (
        <section aria-labelledby="changes-heading" className="space-y-4">
          <h2 id="changes-heading" className="text-xl font-semibold text-slate-950">
            {t("compare.changesHeading", { from: data.from.number, to: data.to.number })}
          </h2>
          <p className="text-slate-900" role="status">
            {t("compare.summary", {
              added: format.number(data.summary.added),
              removed: format.number(data.summary.removed),
              changed: format.number(data.summary.changed),
              unchanged: format.number(data.summary.unchanged),
            })}
          </p>
          <p className="report-actions">
            <Link href={`/report/compare?${toggle.toString()}`}>{showUnchanged ? t("compare.hideUnchanged") : t("compare.showUnchanged")}</Link>
          </p>
          <DiffView
            data={data}
            showUnchanged={showUnchanged}
            locale={locale}
            page={asNumber(query.page) ?? 1}
            query={{ from: String(from), to: String(to), ...(showUnchanged ? { all: "1" } : {}) }}
          />
        </section>
      )}
    </>
  );
}

/** One end of the comparison: a plain select, so the form works without JavaScript. */
function VersionSelect({ id, name, label, value, options }: { id: string; name: string; label: string; value: number; options: { value: string; label: string }[] }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block font-medium text-slate-900">
        {label}
      </label>
      <select id={id} name={name} defaultValue={String(value)} className={inputClass}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
