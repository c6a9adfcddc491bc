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
  const [t, tc] = await Promise.all([getTranslations("sessions"), getTranslations("common")]);
  const title = pickLocalized(session.title, locale);
  // Facts in one definition list styled by .facts (app/globals.css): no class per term; the
  // objectives by number (their names are on the session's page: here they would weigh twice per row).
  return (
    <Card as="li" className="row">
      <h3 lang={title?.lang}>
        <Link href={`/sessions/${session.id}`}>{title?.text ?? t("untitled")}</Link>
      </h3>
      <SessionStatusBadge status={session.status} />
      <SessionTime startsAt={session.startsAt} endsAt={session.endsAt} timeZone={session.timeZone} locale={locale} showLocal={false} />
      <dl className="facts">
        <dt>{t("facts.format")}</dt>
        <dd>{session.place ? `${tc(`sessionFormats.${session.format}`)} · ${session.place}` : tc(`sessionFormats.${session.format}`)}</dd>
        <dt>{t("facts.workingLanguages")}</dt>
        <dd>{session.workingLanguages.map((l) => tc(`languages.${l}`)).join(", ")}</dd>
        {session.interpretation.length ? (
          <>
            <dt>{t("facts.interpretation")}</dt>
            <dd>{session.interpretation.map((l) => tc(`languages.${l}`)).join(", ")}</dd>
          </>
        ) : null}
        <dt>{t("facts.objectives")}</dt>
        <dd>{session.objectives.join(", ")}</dd>
        {isOpenForNominations(session) && session.nominationDeadline ? (
          <>
            <dt>{t("facts.nominationDeadline")}</dt>
            <dd>{formatSessionDateTime(session.nominationDeadline, session.timeZone, locale)}</dd>
          </>
        ) : null}
      </dl>
    </Card>
  );
}
