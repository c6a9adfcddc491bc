import { getTranslations } from "next-intl/server";
import type { AppLocale } from "@/i18n/routing";
import { formatSessionDateTime, formatSessionRange, isSessionTimeZone, zoneLabelKey, zoneOffsetLabel } from "@/lib/sessions/time";
import { LocalTime } from "./local-time";

type SessionsTranslator = Awaited<ReturnType<typeof getTranslations<"sessions">>>;

function zoneLabelWith(t: SessionsTranslator, zone: string, at: Date, locale: AppLocale): string {
  const key = zoneLabelKey(zone);
  const name = key ? t(`zones.${key}`) : zone.replaceAll("_", " ");
  return `${name}, ${zoneOffsetLabel(at, zone, locale)}`;
}

/** The zone's name in the reader's language ("Honduras (Tegucigalpa)"), with its offset then. */
export async function zoneLabel(zone: string, at: Date, locale: AppLocale): Promise<string> {
  return zoneLabelWith(await getTranslations({ locale, namespace: "sessions" }), zone, at, locale);
}

/**
 * Formats a moment as session pages do, in a zone named beside it ("… 18:00 (Honduras
 * (Tegucigalpa), UTC−6)"); null when `zone` is not one of the sessions' zones.
 */
export async function momentInZoneFormatter(locale: AppLocale) {
  const t = await getTranslations({ locale, namespace: "sessions" });
  return (date: Date, zone: string): string | null =>
    isSessionTimeZone(zone) ? `${formatSessionDateTime(date, zone, locale)} (${zoneLabelWith(t, zone, date, locale)})` : null;
}

/**
 * When a session takes place: in the session's zone (server-rendered, with the zone named) and,
 * when JavaScript runs and the reader's zone is another one, in the reader's zone too.
 */
export async function SessionTime({
  startsAt,
  endsAt,
  timeZone,
  locale,
  showLocal = true,
}: {
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  locale: AppLocale;
  showLocal?: boolean;
}) {
  const t = await getTranslations("sessions");
  const zone = await zoneLabel(timeZone, startsAt, locale);
  const inSessionZone = (
    <p>
      <time dateTime={startsAt.toISOString()}>{formatSessionRange(startsAt, endsAt, timeZone, locale)}</time>{" "}
      <span className="text-slate-700">{`(${t("time.sessionZone", { zone })})`}</span>
    </p>
  );
  // Without the reader's time (a list's rows), no wrapper: a list repeats it on every row.
  if (!showLocal) return inSessionZone;
  return (
    <div className="space-y-1">
      {inSessionZone}
      <LocalTime start={startsAt.toISOString()} end={endsAt.toISOString()} sessionZone={timeZone} locale={locale} label={t("time.yourTime", { zone: "{zone}" })} />
    </div>
  );
}
