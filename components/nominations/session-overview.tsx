import { getTranslations } from "next-intl/server";
import { SessionStatusBadge } from "@/components/sessions/status-badge";
import { SessionTime, zoneLabel } from "@/components/sessions/session-time";
import { pickLocalized } from "@/lib/i18n/localized-text";
import type { WorkspaceSession } from "@/lib/nominations/queries";
import { SPEAKER_ROLES } from "@/lib/nominations/schemas";
import { formatSessionDateTime } from "@/lib/sessions/time";
import type { AppLocale } from "@/i18n/routing";

/** A session's title in the reader's language (else Spanish, else any), with its language when it differs. */
export function SessionTitle({ session, locale }: { session: Pick<WorkspaceSession, "title">; locale: AppLocale }) {
  const title = pickLocalized(session.title, locale);
  return <span lang={title && title.lang !== locale ? title.lang : undefined}>{title?.text ?? "—"}</span>;
}

/** When the session is, its deadlines, who selects, and the seats by role (filled of total). */
export async function SessionFacts({ session, locale }: { session: WorkspaceSession; locale: AppLocale }) {
  const [t, tc] = await Promise.all([getTranslations("nominations.session"), getTranslations("common")]);
  const deadline = session.nominationDeadline
    ? `${formatSessionDateTime(session.nominationDeadline, session.timeZone, locale)} (${await zoneLabel(session.timeZone, session.nominationDeadline, locale)})`
    : null;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <SessionStatusBadge status={session.status} />
        <span className="text-slate-800">{tc(`selectionModes.${session.selectionMode}`)}</span>
      </div>
      <dl className="space-y-2">
        <div>
          <dt className="font-medium text-slate-900">{t("when")}</dt>
          <dd>
            <SessionTime startsAt={session.startsAt} endsAt={session.endsAt} timeZone={session.timeZone} locale={locale} showLocal={false} />
          </dd>
        </div>
        <div>
          <dt className="font-medium text-slate-900">{t("deadline")}</dt>
          <dd className="text-slate-900">{deadline ?? "—"}</dd>
        </div>
        <div>
          <dt className="font-medium text-slate-900">{t("seats")}</dt>
          <dd>
            <ul className="flex flex-wrap gap-x-6 gap-y-1 text-slate-900">
              {SPEAKER_ROLES.map((role) => (
                <li key={role}>
                  {t("seatsOf", { role: tc(`speakerRoles.${role}`), filled: session.seats[role].filled, total: session.seats[role].total })}
                </li>
              ))}
            </ul>
          </dd>
        </div>
      </dl>
    </div>
  );
}
