import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import type { CommitteeDone } from "@/app/[locale]/dashboard/committee/actions";

const DONE: readonly CommitteeDone[] = [
  "nominated",
  "nominatedInvited",
  "invited",
  "endorsed",
  "unendorsed",
  "voted",
  "selected",
  "unselected",
  "withdrawn",
  "modeChanged",
  "confirmed",
];

/** What the last action did (the page's ?done= value); anything else shows nothing. */
export async function DoneNotice({ done }: { done: string | string[] | undefined }) {
  const value = typeof done === "string" && (DONE as readonly string[]).includes(done) ? (done as CommitteeDone) : null;
  if (!value) return null;
  const t = await getTranslations("nominations.done");
  return (
    <div className="mb-6">
      <Alert tone="success" live>
        {t(value)}
      </Alert>
    </div>
  );
}
