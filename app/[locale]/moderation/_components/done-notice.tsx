import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import type { ModerationDone } from "../actions";

const DONE: readonly ModerationDone[] = ["flagged", "already", "hidden", "unhidden", "dismissed"];

/** The notice after an action (?done=…); anything else in the URL is ignored. */
export async function DoneNotice({ done }: { done: string | string[] | undefined }) {
  const t = await getTranslations("moderation.flag.done");
  if (typeof done !== "string" || !(DONE as readonly string[]).includes(done)) return null;
  return (
    <Alert tone="success" live>
      {t(done as ModerationDone)}
    </Alert>
  );
}
