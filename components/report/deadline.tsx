import { getTranslations } from "next-intl/server";
import { LocalTime } from "@/components/sessions/local-time";
import { zoneLabel } from "@/components/sessions/session-time";
import type { AppLocale } from "@/i18n/routing";
import { formatSessionDateTime } from "@/lib/sessions/time";

/**
 * The comment deadline in the version's zone (named, with its offset) and, when JavaScript runs
 * and the reader is elsewhere, in the reader's zone too.
 */
export async function ReportDeadline({ deadline, timeZone, locale, past }: { deadline: Date; timeZone: string; locale: AppLocale; past: boolean }) {
  const [t, ts] = await Promise.all([getTranslations("report"), getTranslations("sessions")]);
  const zone = await zoneLabel(timeZone, deadline, locale);
  const when = formatSessionDateTime(deadline, timeZone, locale);
  return (
    <div className="space-y-1">
      <p className="text-slate-900">
        {past ? t("deadline.closedOn") : t("deadline.openUntil")}{" "}
        <time dateTime={deadline.toISOString()} className="font-semibold">
          {when}
        </time>{" "}
        <span className="text-slate-700">({t("deadline.zone", { zone })})</span>
      </p>
      {past ? null : (
        <LocalTime start={deadline.toISOString()} end={deadline.toISOString()} sessionZone={timeZone} locale={locale} label={ts("time.yourTime", { zone: "{zone}" })} />
      )}
    </div>
  );
}
