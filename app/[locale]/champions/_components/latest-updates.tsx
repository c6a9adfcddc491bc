import { getFormatter, getTranslations } from "next-intl/server";
import { CommitmentStatusBadge, dayFormat } from "@/components/champions/labels";
import { Link } from "@/i18n/navigation";
import type { AppLocale } from "@/i18n/routing";
import type { FeedEntry } from "@/lib/champions/queries";
import { countryName } from "@/lib/i18n/countries";

/** The newest dated updates and new initiatives (the same entries the Atom feed carries). */
export async function LatestUpdates({ entries, locale, feedHref }: { entries: FeedEntry[]; locale: AppLocale; feedHref: string }) {
  const [t, format] = await Promise.all([getTranslations("champions"), getFormatter()]);
  return (
    <section aria-labelledby="latest-heading" className="space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="latest-heading" className="text-xl font-semibold">
          {t("latest")}
        </h2>
        <a href={feedHref} type="application/atom+xml">
          {t("feedLink")}
        </a>
      </div>
      {entries.length === 0 ? (
        <p className="text-slate-800">{t("noUpdates")}</p>
      ) : (
        <ol className="space-y-3">
          {entries.map((e) => (
            <li key={e.id} className="card break-words p-3">
              <p className="meta">
                <time dateTime={e.date.toISOString()}>{format.dateTime(e.date, e.kind === "update" ? dayFormat : { dateStyle: "medium" })}</time>
                {`${e.country ? ` · ${countryName(e.country, locale)}` : ""} · ${e.kind === "update" ? t("entry.update") : t("entry.initiative")}`}
              </p>
              <p className="font-medium" lang={e.commitmentTitleLanguage ?? undefined}>
                <Link href={`/champions/initiatives/${e.commitmentId}`}>{e.commitmentTitle || t("untitled")}</Link>
              </p>
              {e.body ? (
                <p className="mt-1 line-clamp-3 whitespace-pre-line" lang={e.bodyLanguage ?? undefined}>
                  {e.body}
                </p>
              ) : null}
              {e.kind === "update" && e.status ? (
                <p className="mt-1">
                  <CommitmentStatusBadge status={e.status} />
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
