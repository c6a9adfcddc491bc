import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { Link } from "@/i18n/navigation";
import { resolvePageLocale } from "@/i18n/page-locale";
import { COVERAGE_STATUSES, getObjectiveCoverage } from "@/lib/proposals/coverage";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const locale = await resolvePageLocale(params);
  const t = await getTranslations({ locale, namespace: "proposalDesk.coverage" });
  return { title: t("title"), description: t("lead") };
}

const linkClass = "font-medium text-blue-800 underline underline-offset-2";

/** Public: for each of the 23 GCM objectives, how many public proposals address it, by state. */
export default async function ObjectiveCoveragePage({ params }: { params: Promise<{ locale: string }> }) {
  await resolvePageLocale(params);
  const t = await getTranslations("proposalDesk");
  const tg = await getTranslations("gcm");
  const format = await getFormatter();
  const coverage = await getObjectiveCoverage();
  const covered = coverage.objectives.length - coverage.gaps.length;
  const objectiveHref = (n: number) => `/proposals?objective=${n}`;

  return (
    <>
      <PageHeader
        title={t("coverage.title")}
        lead={
          <>
            <p>{t("coverage.lead")}</p>
            <p className="mt-2 text-base">
              <Link href="/proposals" className={linkClass}>
                {t("coverage.allProposals")}
              </Link>
            </p>
          </>
        }
      />

      <section aria-labelledby="coverage-summary" className="mb-8 space-y-3">
        <h2 id="coverage-summary" className="text-xl font-semibold text-slate-950">
          {t("coverage.summaryHeading")}
        </h2>
        <p className="text-lg text-slate-900">{t("coverage.summary", { covered, total: coverage.objectives.length })}</p>
        {coverage.gaps.length > 0 ? (
          <div className="rounded-md border-l-4 border-amber-700 bg-amber-50 p-4 text-amber-950">
            <p className="font-semibold">{t("coverage.gapsHeading", { count: coverage.gaps.length })}</p>
            <ul className="mt-2 list-disc space-y-1 pl-5">
              {coverage.gaps.map((n) => (
                <li key={n}>
                  <Link href={objectiveHref(n)} className={linkClass}>
                    {tg("objectiveWithTitle", { number: n, title: tg(String(n)) })}
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        ) : (
          <p className="text-slate-900">{t("coverage.noGaps")}</p>
        )}
      </section>

      <section aria-labelledby="coverage-table">
        <h2 id="coverage-table" className="mb-1 text-xl font-semibold text-slate-950">
          {t("coverage.tableHeading")}
        </h2>
        <p className="mb-4 text-slate-800">{t("coverage.tableHint")}</p>
        <Table
          caption={t("coverage.caption")}
          head={[t("coverage.columns.objective"), t("coverage.columns.proposals"), ...COVERAGE_STATUSES.map((s) => t(`statuses.${s}`))]}
        >
          {coverage.objectives.map((o) => {
            const percent = coverage.max > 0 ? Math.round((o.total / coverage.max) * 100) : 0;
            return (
              <tr key={o.objective} className={o.isGap ? "bg-amber-50" : undefined}>
                <Td className="min-w-56 px-4 py-2 align-top text-slate-900 sm:min-w-72">
                  <Link href={objectiveHref(o.objective)} className={linkClass}>
                    <span className="block font-semibold">{tg("objective", { number: o.objective })}</span>
                    <span className="block">{tg(String(o.objective))}</span>
                  </Link>
                  {o.isGap ? (
                    <span className="mt-1 block">
                      <Badge tone="warning">{t("coverage.gap")}</Badge>
                    </span>
                  ) : null}
                </Td>
                <Td className="min-w-40 px-4 py-2 align-top text-slate-900">
                  <span className="font-semibold">{format.number(o.total)}</span>
                  <div className="mt-1 h-3 w-full rounded-sm bg-slate-200" aria-hidden="true">
                    <div className="h-3 rounded-sm bg-blue-800" style={{ width: `${percent}%` }} />
                  </div>
                </Td>
                {COVERAGE_STATUSES.map((s) => (
                  <Td key={s} className={o.byStatus[s] === 0 ? "px-4 py-2 align-top text-slate-700" : "px-4 py-2 align-top font-medium text-slate-950"}>
                    {format.number(o.byStatus[s])}
                  </Td>
                ))}
              </tr>
            );
          })}
        </Table>
      </section>
    </>
  );
}
