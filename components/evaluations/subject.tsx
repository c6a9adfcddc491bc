import { getTranslations } from "next-intl/server";
import type { LocalizedText } from "@/lib/i18n/localized-text";
import { Link } from "@/i18n/navigation";
import type { AppLocale } from "@/i18n/routing";
import { LocalizedLine } from "./localized";

/** What an evaluation is about: a session (linked) or the review as a whole. */
export async function EvaluationSubject({ session, locale, className }: { session: { id: string; title: LocalizedText } | null; locale: AppLocale; className?: string }) {
  const t = await getTranslations("evaluations");
  return (
    <p className={className ?? "break-words"}>
      {session ? (
        <>
          {t("aboutSession")}{" "}
          <Link href={`/sessions/${session.id}`} className="font-medium text-blue-800 underline">
            <LocalizedLine value={session.title} locale={locale} />
          </Link>
        </>
      ) : (
        t("aboutReview")
      )}
    </p>
  );
}
