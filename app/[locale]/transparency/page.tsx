import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { resolvePageLocale } from "@/i18n/page-locale";
import { parsePage } from "@/lib/organizations/schemas";
import { listPublicLog } from "@/lib/audit/queries";
import { PublicLogList } from "@/components/transparency/public-log-list";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const locale = await resolvePageLocale(params);
  const t = await getTranslations({ locale, namespace: "transparency" });
  return {
    title: t("title"),
    description: t("lead"),
    alternates: { types: { "application/atom+xml": [{ url: `/${locale}/transparency/feed`, title: t("feedTitle") }] } },
  };
}

/** The public part of the audit log: every decision, as a sentence in the reader's language. */
export default async function TransparencyPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: SearchParams }) {
  const locale = await resolvePageLocale(params);
  const sp = await searchParams;
  const requested = parsePage(sp.page);
  const t = await getTranslations("transparency");
  const log = await listPublicLog(requested);
  if (log.total > 0 && log.page > log.pageCount) notFound();

  return (
    <>
      <PageHeader
        title={t("title")}
        lead={t("lead")}
        actions={
          <>
            <a href={`/${locale}/transparency/moderation`} className="font-medium text-blue-800 underline">
              {t("moderationLink")}
            </a>
            <a href={`/${locale}/transparency/feed`} type="application/atom+xml" className="font-medium text-blue-800 underline">
              {t("feed")}
            </a>
          </>
        }
      />
      {log.entries.length === 0 ? (
        <EmptyState title={t("empty")} />
      ) : (
        <>
          <PublicLogList entries={log.entries} label={t("listLabel")} />
          <Pagination page={log.page} pageCount={log.pageCount} pathname="/transparency" query={sp} />
        </>
      )}
    </>
  );
}
