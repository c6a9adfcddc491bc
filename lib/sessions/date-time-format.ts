/**
 * How a session's day and time are written ("martes, 10 de marzo de 2026, 10:00–12:30"): on the
 * server in the session's zone (lib/sessions/time.ts), and in the browser in the reader's
 * (components/sessions/local-time-line.ts). It imports nothing, so a client component and the
 * script a page without Next's runtime gets can both take it.
 */
export const SESSION_DATE_TIME: Readonly<Intl.DateTimeFormatOptions> = {
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "numeric",
  minute: "2-digit",
};
