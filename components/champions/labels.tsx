import { INCLUSION_LEVELS } from "@/lib/champions/schemas";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { CommitmentStatus, InclusionLevel } from "@/lib/generated/prisma/enums";

/** The ladder, lowest rung first (one definition, in the rules). */
export const INCLUSION_RUNGS: readonly InclusionLevel[] = INCLUSION_LEVELS;

const STATUS_TONES: Record<CommitmentStatus, "neutral" | "info" | "success" | "warning" | "danger"> = {
  ANNOUNCED: "neutral",
  IN_PROGRESS: "info",
  COMPLETED: "success",
  STALLED: "warning",
  ABANDONED: "danger",
};

export async function CommitmentStatusBadge({ status }: { status: CommitmentStatus }) {
  const t = await getTranslations("champions.statuses");
  return <Badge tone={STATUS_TONES[status]}>{t(status)}</Badge>;
}

/** A rung of the ladder in words and by its place ("Consulted · 3 of 5"), never by colour alone. */
export async function InclusionRung({ level }: { level: InclusionLevel }) {
  const t = await getTranslations("champions");
  return (
    <span>
      {t(`inclusion.${level}`)} <span className="text-sm text-slate-700">({t("rungOf", { rung: INCLUSION_RUNGS.indexOf(level) + 1, total: INCLUSION_RUNGS.length })})</span>
    </span>
  );
}

/** The 90-day mark: a word and a symbol, so it reads without colour. */
export async function NotUpdatedBadge({ since }: { since: Date }) {
  const [t, format] = await Promise.all([getTranslations("champions"), getFormatter()]);
  return (
    <Badge tone="warning">
      <span aria-hidden="true">⏱ </span>
      {t("notUpdated", { date: format.dateTime(since, { dateStyle: "medium", timeZone: "UTC" }) })}
    </Badge>
  );
}

/** A date-only column (PostgreSQL `date`, midnight UTC) written as that day wherever the reader is. */
export const dayFormat = { dateStyle: "medium", timeZone: "UTC" } as const;

/** Only http(s) links become links: anything else stored by mistake is shown as text. */
export const safeHref = (url: string) => (/^https?:\/\//i.test(url) ? url : null);
