import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { CommentDisposition } from "@/lib/generated/prisma/enums";

const TONES = { ACCEPTED: "success", PARTLY_ACCEPTED: "info", NOT_ACCEPTED: "danger", NOTED: "neutral" } as const;

/** A comment's disposition, or "waiting for an answer" (always words, never a colour alone). */
export async function DispositionBadge({ disposition }: { disposition: CommentDisposition | null }) {
  const tc = await getTranslations("common");
  const t = await getTranslations("reportComments");
  if (!disposition) return <Badge tone="warning">{t("waiting")}</Badge>;
  return <Badge tone={TONES[disposition]}>{tc(`commentDispositions.${disposition}`)}</Badge>;
}
