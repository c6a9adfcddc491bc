import ical, { ICalCalendarMethod, ICalEventStatus, type ICalLuxonDateTimeStub } from "ical-generator";
import { formatInTimeZone } from "date-fns-tz";
import { pickLocalized } from "@/lib/i18n/localized-text";
import { catalogueTranslator } from "@/lib/i18n/translator";
import type { AppLocale } from "@/i18n/routing";
import es from "@/messages/es/sessions.json";
import en from "@/messages/en/sessions.json";
import pt from "@/messages/pt/sessions.json";
import fr from "@/messages/fr/sessions.json";
import { utcOffsetMinutes } from "./time";

// Calendar files (RFC 5545) for the sessions: DTSTART/DTEND carry the session's zone (TZID) and
// each zone used gets a VTIMEZONE, so calendar programs show the right time wherever the reader is.
//
// The VTIMEZONE is written from the runtime's tz database (Intl, current rules) for the years of
// the events, as explicit observances. Pre-built VTIMEZONE files (tzurl 2018) still carry daylight
// saving time for Mexico (abolished 2022), Brazil (2019) and Paraguay (2024), which would put
// sessions there an hour off in the programs that follow the VTIMEZONE.

const translator = catalogueTranslator({ es, en, pt, fr });

const MINUTE = 60_000;
const DAY = 86_400_000;

/** "-0600" */
function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}${String(abs % 60).padStart(2, "0")}`;
}

/** The wall-clock time at UTC instant `at` for an offset, as an iCalendar local date-time. */
function wallTime(at: number, offsetMinutes: number): string {
  return formatInTimeZone(new Date(at + offsetMinutes * MINUTE), "UTC", "yyyyMMdd'T'HHmmss");
}

type Transition = { at: number; from: number; to: number };

/** Every change of UTC offset in `zone` between two instants, to the minute. */
function offsetTransitions(zone: string, from: number, to: number): { initial: number; transitions: Transition[] } {
  const initial = utcOffsetMinutes(new Date(from), zone);
  const transitions: Transition[] = [];
  let offset = initial;
  for (let t = from; t < to; t += DAY) {
    const next = Math.min(t + DAY, to);
    const nextOffset = utcOffsetMinutes(new Date(next), zone);
    if (nextOffset === offset) continue;
    // Offsets change at most once a day: find the first minute with the new one.
    let lo = Math.floor(t / MINUTE);
    let hi = Math.floor(next / MINUTE);
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (utcOffsetMinutes(new Date(mid * MINUTE), zone) === offset) lo = mid;
      else hi = mid;
    }
    transitions.push({ at: hi * MINUTE, from: offset, to: nextOffset });
    offset = nextOffset;
  }
  return { initial, transitions };
}

/**
 * A VTIMEZONE for `zone` valid from `from` to `to`: the offset in force at `from`, then each
 * change. Observances with an offset above the zone's lowest are daylight saving time.
 */
export function vtimezoneComponent(zone: string, from: Date, to: Date): string {
  const { initial, transitions } = offsetTransitions(zone, from.getTime(), to.getTime());
  const standard = Math.min(initial, ...transitions.map((t) => t.to));
  const observance = (start: string, offsetFrom: number, offsetTo: number) => {
    const kind = offsetTo > standard ? "DAYLIGHT" : "STANDARD";
    return [`BEGIN:${kind}`, `DTSTART:${start}`, `TZOFFSETFROM:${formatOffset(offsetFrom)}`, `TZOFFSETTO:${formatOffset(offsetTo)}`, `END:${kind}`];
  };
  return [
    "BEGIN:VTIMEZONE",
    `TZID:${zone}`,
    `X-LIC-LOCATION:${zone}`,
    ...observance(wallTime(from.getTime(), initial), initial, initial),
    ...transitions.flatMap((t) => observance(wallTime(t.at, t.from), t.from, t.to)),
    "END:VTIMEZONE",
  ].join("\r\n");
}

/**
 * A date for ical-generator that it formats in the event's zone itself (its Luxon interface):
 * a plain Date would be formatted in the server's own zone.
 */
function zonedDate(date: Date, zone = "UTC"): ICalLuxonDateTimeStub {
  return {
    isValid: true,
    zone: { type: "iana" },
    setZone: (next?: string) => zonedDate(date, !next || next.toLowerCase() === "utc" ? "UTC" : next),
    toFormat: (pattern: string) => formatInTimeZone(date, zone, pattern),
    toJSDate: () => date,
    toJSON: () => date.toISOString(),
  };
}

export type CalendarEventSource = {
  id: string;
  title: unknown;
  description: unknown;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  place: string | null;
  updatedAt: Date;
};

/** Changes to a session after this date raise the event's SEQUENCE, so calendars take them. */
const SEQUENCE_EPOCH = Date.UTC(2025, 0, 1);

/**
 * An iCalendar file with one event per session, in the language of the URL: title and
 * description (that language, else Spanish, else any), the place (never the private link),
 * the session page's address and a stable UID.
 */
export function buildSessionsCalendar(options: { sessions: CalendarEventSource[]; locale: AppLocale; origin: string; feed: boolean }): string {
  const { sessions, locale, origin } = options;
  const t = translator(locale);
  const calendar = ical({
    name: options.feed ? t("ics.feedName") : (pickLocalized(sessions[0]?.title, locale)?.text ?? t("ics.feedName")),
    description: t("ics.feedDescription"),
    prodId: { company: "Puente", product: "Sessions", language: locale.toUpperCase() },
    method: ICalCalendarMethod.PUBLISH,
    url: `${origin}/${locale}/sessions`,
    ...(options.feed ? { ttl: 60 * 60 } : {}),
  });

  // One VTIMEZONE per zone, covering the years of that zone's sessions.
  const ranges = new Map<string, { from: number; to: number }>();
  for (const s of sessions) {
    const from = Date.UTC(s.startsAt.getUTCFullYear(), 0, 1) - DAY;
    const to = Date.UTC(s.endsAt.getUTCFullYear() + 1, 0, 1) + DAY;
    const range = ranges.get(s.timeZone);
    ranges.set(s.timeZone, range ? { from: Math.min(range.from, from), to: Math.max(range.to, to) } : { from, to });
  }
  calendar.timezone({
    name: null,
    generator: (zone) => {
      const range = ranges.get(zone);
      return range ? vtimezoneComponent(zone, new Date(range.from), new Date(range.to)) : null;
    },
  });

  for (const s of sessions) {
    const url = `${origin}/${locale}/sessions/${s.id}`;
    const description = pickLocalized(s.description, locale)?.text;
    calendar.createEvent({
      id: `${s.id}@puente`,
      start: zonedDate(s.startsAt),
      end: zonedDate(s.endsAt),
      timezone: s.timeZone,
      summary: pickLocalized(s.title, locale)?.text ?? "",
      description: [description, t("ics.details", { url })].filter(Boolean).join("\n\n"),
      location: s.place ?? null,
      url,
      status: ICalEventStatus.CONFIRMED,
      lastModified: s.updatedAt,
      sequence: Math.max(0, Math.floor((s.updatedAt.getTime() - SEQUENCE_EPOCH) / 1000)),
    });
  }
  return calendar.toString();
}
