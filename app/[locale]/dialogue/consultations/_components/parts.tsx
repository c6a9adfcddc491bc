import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import type { ConsultationPhase } from "@/lib/consultations/policy";
import type { ConsultationDone } from "../actions";

const TONE = { draft: "neutral", upcoming: "info", open: "success", ended: "warning", closed: "warning", synthesized: "info" } as const;

/** Where a consultation stands, in words (a colour is never the only sign). */
export async function PhaseBadge({ phase }: { phase: ConsultationPhase }) {
  const t = await getTranslations("consultations.phases");
  return <Badge tone={TONE[phase]}>{t(phase)}</Badge>;
}

const DONE: readonly ConsultationDone[] = ["created", "saved", "opened", "closed", "contributed", "supported", "unsupported", "updated", "synthesized"];

/** The notice after an action (?done=…); anything else in the URL is ignored. */
export async function DoneNotice({ done }: { done: string | string[] | undefined }) {
  const t = await getTranslations("consultations.done");
  if (typeof done !== "string" || !(DONE as readonly string[]).includes(done)) return null;
  return (
    <Alert tone="success" live>
      {t(done as ConsultationDone)}
    </Alert>
  );
}
