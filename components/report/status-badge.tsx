import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { ReportVersionStatus } from "@/lib/generated/prisma/enums";

const TONES: Record<ReportVersionStatus, "neutral" | "info" | "success" | "warning" | "danger"> = {
  DRAFT: "neutral",
  OPEN: "info",
  CLOSED: "warning",
  SUPERSEDED: "neutral",
  FINAL: "success",
};

/** A version's (effective) state; the colour only repeats what the words say. */
export async function ReportStatusBadge({ status }: { status: ReportVersionStatus }) {
  const t = await getTranslations("common.reportStatuses");
  return <Badge tone={TONES[status]}>{t(status)}</Badge>;
}
