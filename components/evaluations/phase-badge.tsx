import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { EvaluationPhase } from "@/lib/evaluations/policy";

const TONE = { draft: "neutral", upcoming: "info", open: "success", closed: "warning" } as const;

/** Where an evaluation stands, in words (a colour is never the only sign). */
export async function PhaseBadge({ phase }: { phase: EvaluationPhase }) {
  const t = await getTranslations("evaluations.phases");
  return <Badge tone={TONE[phase]}>{t(phase)}</Badge>;
}
