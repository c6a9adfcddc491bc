import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import type { ChampionDone } from "../actions";

const DONE: readonly ChampionDone[] = ["created", "saved", "updatePosted", "marked", "assessed", "hidden", "unhidden", "suggested", "accepted", "declined", "termAdded", "termEnded", "followed", "unfollowed"];

/** The notice after an action (?done=…); anything else in the URL is ignored. */
export async function DoneNotice({ done }: { done: string | string[] | undefined }) {
  const t = await getTranslations("champions.done");
  if (typeof done !== "string" || !(DONE as readonly string[]).includes(done)) return null;
  return (
    <Alert tone="success" live>
      {t(done as ChampionDone)}
    </Alert>
  );
}
