import { formatInTimeZone, fromZonedTime } from "date-fns-tz";
import type { AppLocale } from "@/i18n/routing";
import { dateTimeFormat } from "@/lib/i18n/intl-cache";
import { SESSION_DATE_TIME } from "./date-time-format";

// Sessions happen at a place and time: staff type the local time and pick the zone it is in;
// the instant is stored, and shown in the session's zone (and, in the browser, in the reader's).
// Formatting uses Intl with the runtime's tz database (current rules), never a fixed offset.

/**
 * The zones staff choose from: Latin America and the Caribbean, the diaspora's countries in
 * North America and Europe, and UTC. `key` names the label in messages/<locale>/sessions.json (zones.*).
 */
export const SESSION_TIME_ZONES = [
  { id: "UTC", key: "utc" },
  { id: "America/Mexico_City", key: "mexicoCity" },
  { id: "America/Cancun", key: "cancun" },
  { id: "America/Tijuana", key: "tijuana" },
  { id: "America/Guatemala", key: "guatemala" },
  { id: "America/Belize", key: "belize" },
  { id: "America/El_Salvador", key: "elSalvador" },
  { id: "America/Tegucigalpa", key: "honduras" },
  { id: "America/Managua", key: "nicaragua" },
  { id: "America/Costa_Rica", key: "costaRica" },
  { id: "America/Panama", key: "panama" },
  { id: "America/Havana", key: "cuba" },
  { id: "America/Santo_Domingo", key: "dominicanRepublic" },
  { id: "America/Port-au-Prince", key: "haiti" },
  { id: "America/Jamaica", key: "jamaica" },
  { id: "America/Puerto_Rico", key: "puertoRico" },
  { id: "America/Port_of_Spain", key: "trinidadAndTobago" },
  { id: "America/Barbados", key: "barbados" },
  { id: "America/Bogota", key: "colombia" },
  { id: "America/Caracas", key: "venezuela" },
  { id: "America/Guyana", key: "guyana" },
  { id: "America/Paramaribo", key: "suriname" },
  { id: "America/Guayaquil", key: "ecuador" },
  { id: "America/Lima", key: "peru" },
  { id: "America/La_Paz", key: "bolivia" },
  { id: "America/Santiago", key: "chile" },
  { id: "America/Argentina/Buenos_Aires", key: "argentina" },
  { id: "America/Montevideo", key: "uruguay" },
  { id: "America/Asuncion", key: "paraguay" },
  { id: "America/Sao_Paulo", key: "brazilBrasilia" },
  { id: "America/Manaus", key: "brazilManaus" },
  { id: "America/New_York", key: "usEastern" },
  { id: "America/Chicago", key: "usCentral" },
  { id: "America/Denver", key: "usMountain" },
  { id: "America/Los_Angeles", key: "usPacific" },
  { id: "America/Toronto", key: "canadaEastern" },
  { id: "Europe/Madrid", key: "spain" },
  { id: "Europe/Lisbon", key: "portugal" },
  { id: "Europe/London", key: "unitedKingdom" },
  { id: "Europe/Paris", key: "france" },
  { id: "Europe/Brussels", key: "belgium" },
  { id: "Europe/Amsterdam", key: "netherlands" },
  { id: "Europe/Berlin", key: "germany" },
  { id: "Europe/Zurich", key: "switzerland" },
  { id: "Europe/Rome", key: "italy" },
] as const;

export type SessionTimeZone = (typeof SESSION_TIME_ZONES)[number]["id"];

const ZONE_KEYS = new Map<string, string>(SESSION_TIME_ZONES.map((z) => [z.id, z.key]));

export const isSessionTimeZone = (value: unknown): value is SessionTimeZone => typeof value === "string" && ZONE_KEYS.has(value);

/** The catalogue key (sessions.zones.<key>) of a zone's label, or null for a zone outside the list. */
export const zoneLabelKey = (zone: string): string | null => ZONE_KEYS.get(zone) ?? null;

/** What a `datetime-local` input sends: "2026-03-10T10:00" (seconds allowed, ignored when zero). */
const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * The instant of a local date and time in `zone`, or null when the text is not a date-time
 * or that local time does not exist there (the hour skipped when clocks go forward).
 */
export function localInputToDate(value: string, zone: string): Date | null {
  const match = LOCAL_INPUT.exec(value.trim());
  if (!match) return null;
  const [, year, month, day, hour, minute, second = "00"] = match;
  const text = `${year}-${month}-${day}T${hour}:${minute}:${second}`;
  const date = fromZonedTime(text, zone);
  if (Number.isNaN(date.getTime())) return null;
  // Read it back: a day 31 of February, hour 25 or a skipped hour do not come back the same.
  if (formatInTimeZone(date, zone, "yyyy-MM-dd'T'HH:mm:ss") !== text) return null;
  return date;
}

/** The value of a `datetime-local` input showing `date` in `zone`: "2026-03-10T10:00". */
export function dateToLocalInput(date: Date, zone: string): string {
  return formatInTimeZone(date, zone, "yyyy-MM-dd'T'HH:mm");
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** Minutes east of UTC in `zone` at `date` (−360 for Tegucigalpa), from the runtime's tz database. */
export function utcOffsetMinutes(date: Date, zone: string): number {
  let formatter = offsetFormatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longOffset" });
    offsetFormatters.set(zone, formatter);
  }
  const name = formatter.formatToParts(date).find((p) => p.type === "timeZoneName")?.value ?? "GMT";
  const match = /^GMT([+-])(\d{2}):?(\d{2})?$/.exec(name);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === "-" ? -minutes : minutes;
}

/** The offset as the reader's language writes it ("GMT-6", "UTC−6"). */
export function zoneOffsetLabel(date: Date, zone: string, locale: AppLocale): string {
  return dateTimeFormat(locale, { timeZone: zone, timeZoneName: "shortOffset" }).formatToParts(date).find((p) => p.type === "timeZoneName")?.value ?? zone;
}


/** "martes, 10 de marzo de 2026, 10:00–12:30", in `zone` and the reader's language. */
export function formatSessionRange(start: Date, end: Date, zone: string, locale: AppLocale): string {
  return dateTimeFormat(locale, { ...SESSION_DATE_TIME, timeZone: zone }).formatRange(start, end);
}

/** One moment (a deadline) with its day and time, in `zone` and the reader's language. */
export function formatSessionDateTime(date: Date, zone: string, locale: AppLocale): string {
  return dateTimeFormat(locale, { ...SESSION_DATE_TIME, timeZone: zone }).format(date);
}

/** The day only ("10 mar 2026"), in `zone`: for lists and tables. */
export function formatSessionDay(date: Date, zone: string, locale: AppLocale): string {
  return dateTimeFormat(locale, { day: "numeric", month: "short", year: "numeric", timeZone: zone }).format(date);
}
