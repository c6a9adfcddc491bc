import { getFormatter, getTranslations } from "next-intl/server";
import { cx } from "@/components/ui/cx";
import { COMMENT_DISPOSITIONS } from "@/lib/report/schemas";
import type { DispositionCounts } from "@/lib/report/views";

/**
 * How many comments a version got, how many got each disposition and how many still wait
 * (dispositionCountsByVersion). `label` names the list for screen readers (e.g. "Version 2").
 */
export async function CommentCounts({ counts, label, className }: { counts: DispositionCounts; label?: string; className?: string }) {
  const t = await getTranslations("reportComments");
  const tc = await getTranslations("common");
  const format = await getFormatter();
  if (counts.total === 0) return <p className={cx("text-slate-800", className)}>{t("counts.none")}</p>;
  return (
    <div className={className}>
      <p className="font-medium text-slate-900">{t("counts.total", { count: counts.total })}</p>
      <dl aria-label={label ? t("counts.label", { label }) : undefined} className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-900">
        {COMMENT_DISPOSITIONS.map((d) => (
          <div key={d} className="flex gap-1">
            <dt>{tc(`commentDispositions.${d}`)}:</dt>
            <dd className="font-semibold">{format.number(counts[d])}</dd>
          </div>
        ))}
        <div className={cx("flex gap-1", counts.waiting > 0 && "text-amber-950")}>
          <dt>{t("counts.waiting")}:</dt>
          <dd className="font-semibold">{format.number(counts.waiting)}</dd>
        </div>
      </dl>
    </div>
  );
}
