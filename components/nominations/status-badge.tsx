import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { NominationStatus } from "@/lib/generated/prisma/enums";

const TONES: Record<NominationStatus, "neutral" | "info" | "success" | "warning" | "danger"> = {
  PROPOSED: "neutral",
  INVITED: "info",
  ACCEPTED: "info",
  DECLINED: "danger",
  EXPIRED: "warning",
  SELECTED: "success",
  NOT_SELECTED: "neutral",
  WITHDRAWN: "neutral",
};

/** A nomination's state; the colour only repeats what the words say. */
export async function NominationStatusBadge({ status }: { status: NominationStatus }) {
  const t = await getTranslations("common.nominationStatuses");
  return <Badge tone={TONES[status]}>{t(status)}</Badge>;
}
