import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { Link } from "@/i18n/navigation";
import type { AppLocale } from "@/i18n/routing";
import { pickLocalized } from "@/lib/i18n/localized-text";
import type { SessionListItem } from "@/lib/sessions/queries";
import { isOpenForNominations } from "@/lib/sessions/policy";
import { formatSessionDateTime } from "@/lib/sessions/time";
import { SessionTime } from "./session-time";
import { SessionStatusBadge } from "./status-badge";

/** One session in the public list: title, state, when, format, languages and objectives. */
export async function SessionCard({ session, locale }: { session: SessionListItem; locale: AppLocale }) {
  const [t, tc, tg] = await Promise.all([getTranslations("sessions"), getTranslations("common"), getTranslations("gcm")]);
  const title = pickLocalized(session.title, locale);
  return (
    <Card as="li" className="space-y-3">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h3 className="text-lg font-semibold leading-snug" lang={title?.lang}>
          <Link href={`/sessions/${session.id}`} className="text-blue-900">
            {title?.text ?? t("untitled")}
          </Link>
        </h3>
        <SessionStatusBadge status={session.status} />
      </div>
      <SessionTime startsAt={session.startsAt} endsAt={session.endsAt} timeZone={session.timeZone} locale={locale} showLocal={false} />
      <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
        <dt className="font-medium text-slate-700">{t("facts.format")}</dt>
        <dd className="text-slate-900">
          {tc(`sessionFormats.${session.format}`)}
          {session.place ? ` · ${session.place}` : null}
        </dd>
        <dt className="font-medium text-slate-700">{t("facts.workingLanguages")}</dt>
        <dd className="text-slate-900">{session.workingLanguages.map((l) => tc(`languages.${l}`)).join(", ")}</dd>
        {session.interpretation.length ? (
          <>
            <dt className="font-medium text-slate-700">{t("facts.interpretation")}</dt>
            <dd className="text-slate-900">{session.interpretation.map((l) => tc(`languages.${l}`)).join(", ")}</dd>
          </>
        ) : null}
        <dt className="font-medium text-slate-700">{t("facts.objectives")}</dt>
        <dd>
          <ul className="flex flex-wrap gap-1">
            {session.objectives.map((n) => (
              <li key={n}>
                <span title={tg(String(n))} className="inline-block rounded-full border border-blue-300 bg-blue-50 px-2 text-blue-900">
                  {t("objectiveShort", { number: n })}
                  <span className="sr-only">: {tg(String(n))}</span>
                </span>
              </li>
            ))}
          </ul>
        </dd>
        {isOpenForNominations(session) && session.nominationDeadline ? (
          <>
            <dt className="font-medium text-slate-700">{t("facts.nominationDeadline")}</dt>
            <dd className="text-slate-900">{formatSessionDateTime(session.nominationDeadline, session.timeZone, locale)}</dd>
          </>
        ) : null}
      </dl>
    </Card>
  );
}
