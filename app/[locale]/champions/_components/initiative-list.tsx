import { getFormatter, getTranslations } from "next-intl/server";
import { CommitmentStatusBadge, INCLUSION_RUNGS, NotUpdatedBadge } from "@/components/champions/labels";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Link } from "@/i18n/navigation";
import type { AppLocale } from "@/i18n/routing";
import type { CommitmentListItem } from "@/lib/champions/queries";
import { countryName } from "@/lib/i18n/countries";

/** Initiatives or recommendations as cards: title (its language marked), status, inclusion, the 90-day mark. */
export async function CommitmentCards({ items, locale, hrefBase, emptyTitle }: { items: CommitmentListItem[]; locale: AppLocale; hrefBase: string; emptyTitle: string }) {
  const [t, tc, format] = await Promise.all([getTranslations("champions"), getTranslations("common"), getFormatter()]);
  if (items.length === 0) return <EmptyState title={emptyTitle} />;
  return (
    <ul className="space-y-4">
      {items.map((c) => (
        <Card key={c.id} as="li" className="row">
          <h3 lang={c.titleLanguage ?? undefined}>
            <Link href={`${hrefBase}/${c.id}`}>{c.title || t("untitled")}</Link>
          </h3>
          <CommitmentStatusBadge status={c.status} />
          <p className="meta">
            {[
              c.country ? countryName(c.country, locale) : c.addressee ? t("addressedTo", { addressee: t(`addressees.${c.addressee}`) }) : null,
              c.publicBody,
              c.titleFallback && c.titleLanguage ? t("inLanguage", { language: tc(`languages.${c.titleLanguage}`) }) : null,
            ]
              .filter(Boolean)
              .join(" · ")}
          </p>
          <p className="text-sm">
            {`${t("inclusionLabel")}: ${t(`inclusion.${c.inclusion}`)} (${t("rungOf", { rung: INCLUSION_RUNGS.indexOf(c.inclusion) + 1, total: INCLUSION_RUNGS.length })})`}
          </p>
          <p className={c.notUpdated ? "meta tags" : "meta"}>
            {`${t("assessmentCount", { count: c.assessments })} · ${t("lastUpdated", { date: format.dateTime(c.lastUpdatedAt, "short") })}`}
            {c.notUpdated ? <NotUpdatedBadge since={c.lastUpdatedAt} /> : null}
          </p>
        </Card>
      ))}
    </ul>
  );
}
