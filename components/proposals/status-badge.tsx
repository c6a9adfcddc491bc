import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { ProposalStatus } from "@/lib/generated/prisma/enums";

const TONES: Record<ProposalStatus, "neutral" | "info" | "success" | "warning" | "danger"> = {
  DRAFT: "neutral",
  SUBMITTED: "info",
  UNDER_REVIEW: "warning",
  ACCEPTED: "success",
  NOT_RETAINED: "danger",
  INCORPORATED: "success",
  WITHDRAWN: "neutral",
};

/** A proposal's state; the colour only repeats what the words say. */
export async function ProposalStatusBadge({ status }: { status: ProposalStatus }) {
  const t = await getTranslations("common.proposalStatuses");
  return <Badge tone={TONES[status]}>{t(status)}</Badge>;
}
