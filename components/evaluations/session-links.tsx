import { getTranslations } from "next-intl/server";
import type { Actor } from "@/lib/auth/actor";
import { evaluationsOfSession } from "@/lib/evaluations/queries";
import { Link } from "@/i18n/navigation";
import type { AppLocale } from "@/i18n/routing";
import { LocalizedLine } from "./localized";

/** On a session's page: a link to each evaluation of it the reader may see (nothing when there is none). */
export async function SessionEvaluationLinks({ actor, sessionId, locale }: { actor: Actor | null; sessionId: string; locale: AppLocale }) {
  const evaluations = await evaluationsOfSession(actor, sessionId);
  if (evaluations.length === 0) return null;
  const t = await getTranslations("evaluations");
  return (
    <ul className="mt-4 space-y-1">
      {evaluations.map((e) => (
        <li key={e.id} className="break-words">
          {t("sessionLink")}:{" "}
          <Link href={`/dialogue/evaluations/${e.id}`} className="font-medium text-blue-800 underline">
            <LocalizedLine value={e.title} locale={locale} />
          </Link>
        </li>
      ))}
    </ul>
  );
}
