import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { resolvePageLocale } from "@/i18n/page-locale";
import { API_LIMITS } from "@/lib/open-data/api";
import { DATASETS, LICENSE } from "@/lib/open-data/registry";

type Props = { params: Promise<{ locale: string }> };

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await resolvePageLocale(params);
  const t = await getTranslations({ locale, namespace: "openData" });
  return { title: t("title"), description: t("lead") };
}

const linkClass = "font-medium text-blue-800 underline underline-offset-2";

/** Every public dataset with its files, its size, its fields and the API. No JavaScript. */
export default async function OpenDataPage({ params }: Props) {
  await resolvePageLocale(params);
  const t = await getTranslations("openData");
  const format = await getFormatter();
  const now = new Date();
  // One after the other: nineteen small counts on one connection rather than the whole pool.
  const counts: number[] = [];
  for (const dataset of DATASETS) counts.push(await dataset.count());
  return (
    <>
      <PageHeader title={t("title")} lead={t("lead")} />
      <div className="max-w-4xl space-y-8">
        <p className="text-slate-900">
          {t.rich("licence", {
            link: (chunks) => (
              <a href={LICENSE.path} className={linkClass}>
                {chunks}
              </a>
            ),
          })}
        </p>
        <p className="text-slate-800">{t("generatedAt", { date: format.dateTime(now, "long") })}</p>

        <section aria-labelledby="datasets-heading" className="space-y-4">
          <h2 id="datasets-heading" className="text-xl font-semibold text-slate-950">
            {t("datasetsHeading")}
          </h2>
          <ul className="space-y-4">
            {DATASETS.map((d, i) => {
              const title = t(`datasets.${d.name}.title`);
              return (
                <Card key={d.name} as="li">
                  <h3 id={`dataset-${d.name}`} className="text-lg font-semibold text-slate-950">
                    {title}
                  </h3>
                  <p className="mt-1 text-slate-900">{t(`datasets.${d.name}.description`)}</p>
                  <p className="mt-2 text-slate-800" data-testid={`count-${d.name}`}>
                    {t("rowCount", { count: counts[i] })}
                  </p>
                  <ul className="mt-2 flex flex-wrap gap-x-5 gap-y-2">
                    <li>
                      <a href={`/open-data/${d.name}.csv`} className={linkClass} aria-label={t("csvLabel", { title })} download>
                        {t("csv")}
                      </a>
                    </li>
                    <li>
                      <a href={`/open-data/${d.name}.json`} className={linkClass} aria-label={t("jsonLabel", { title })}>
                        {t("json")}
                      </a>
                    </li>
                    <li>
                      <a href={`/api/v1/${d.name}`} className={linkClass} aria-label={t("apiLabel", { title })}>
                        <code className="break-all">/api/v1/{d.name}</code>
                      </a>
                    </li>
                  </ul>
                  <details className="mt-3">
                    <summary className="cursor-pointer font-medium text-slate-950">{t("fieldsSummary", { count: d.fields.length })}</summary>
                    <dl className="mt-2 space-y-2">
                      {d.fields.map((f) => (
                        <div key={f.name}>
                          <dt className="font-mono text-sm break-all text-slate-950">
                            {f.name}{" "}
                            <span className="font-sans text-slate-700">
                              ({t(`types.${f.type}`)}
                              {f.nullable ? `, ${t("nullable")}` : ""})
                            </span>
                          </dt>
                          <dd className="text-slate-800">{t(`fields.${f.name}`)}</dd>
                        </div>
                      ))}
                    </dl>
                  </details>
                </Card>
              );
            })}
          </ul>
          <p className="text-slate-800">{t("csvNote")}</p>
        </section>

        <section aria-labelledby="package-heading" className="space-y-2">
          <h2 id="package-heading" className="text-xl font-semibold text-slate-950">
            {t("packageHeading")}
          </h2>
          <p className="text-slate-900">{t("packageText")}</p>
          <ul className="flex flex-wrap gap-x-5 gap-y-2">
            <li>
              <a href="/open-data/datapackage.json" className={linkClass}>
                {t("datapackageLink")}
              </a>
            </li>
            <li>
              <a href="/open-data/README.txt" className={linkClass}>
                {t("readmeLink")}
              </a>
            </li>
          </ul>
        </section>

        <section aria-labelledby="api-heading" className="space-y-2">
          <h2 id="api-heading" className="text-xl font-semibold text-slate-950">
            {t("apiHeading")}
          </h2>
          <p className="text-slate-900">{t("apiText")}</p>
          <p className="text-slate-900">{t("apiLimits", { anonymous: API_LIMITS.anonymous, key: API_LIMITS.key })}</p>
          <p>
            <a href="/api/v1/openapi.json" className={linkClass}>
              {t("openapiLink")}
            </a>
          </p>
        </section>
      </div>
    </>
  );
}
