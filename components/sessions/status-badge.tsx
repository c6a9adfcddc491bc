import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { SessionStatus } from "@/lib/generated/prisma/enums";

const TONES: Record<SessionStatus, "neutral" | "info" | "success" | "warning" | "danger"> = {
  DRAFT: "neutral",
  OPEN_FOR_NOMINATIONS: "info",
  SPEAKERS_CONFIRMED: "success",
  HELD: "neutral",
  REPORT_PUBLISHED: "success",
};

/** A session's state; the colour only repeats what the words say. */
export async function SessionStatusBadge({ status }: { status: SessionStatus }) {
  const t = await getTranslations("common.sessionStatuses");
  return <Badge tone={TONES[status]}>{t(status)}</Badge>;
}
