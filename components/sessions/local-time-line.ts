/**
 * A moment (or a range) in the reader's own zone, when it is not the one shown beside it:
 * `{ label: "Your time (America/New York):", text: "Monday, 8 December 2026, 10:00 – 12:00" }`,
 * or null. Run in the browser only (the server does not know the reader's zone): by the
 * `LocalTime` component on a hydrated page, and as a script of its own on a page sent without
 * Next's (server/hydration.ts sends these functions' source). So they use nothing but the
 * browser's globals: no import, no helper outside their bodies.
 */
export function localTimeLine(
  start: string,
  end: string,
  shownZone: string,
  readerZone: string | null,
  locale: string,
  label: string,
  format: Intl.DateTimeFormatOptions,
): { label: string; text: string } | null {
  if (!readerZone || readerZone === shownZone) return null;
  const startDate = new Date(start);
  const endDate = new Date(end);
  const readerOffset = new Intl.DateTimeFormat("en-US", { timeZone: readerZone, timeZoneName: "longOffset" }).format(startDate);
  const shownOffset = new Intl.DateTimeFormat("en-US", { timeZone: shownZone, timeZoneName: "longOffset" }).format(startDate);
  if (readerOffset === shownOffset) return null;
  // `format`: how the time beside it is written (SESSION_DATE_TIME), passed in since this
  // function is sent as its own source and can import nothing.
  const text = new Intl.DateTimeFormat(locale, { ...format, timeZone: readerZone }).formatRange(startDate, endDate);
  return { label: label.replace("{zone}", readerZone.replaceAll("_", " ")), text };
}

/** Fills every placeholder `LocalTime` left in a page with `line`'s answer, and shows it. */
export function fillLocalTimes(root: Document, line: typeof localTimeLine, format: Intl.DateTimeFormatOptions): void {
  const readerZone = Intl.DateTimeFormat().resolvedOptions().timeZone || null;
  const places = root.querySelectorAll<HTMLElement>("[data-local-time]");
  for (let i = 0; i < places.length; i++) {
    const place = places[i];
    const found = line(place.dataset.start || "", place.dataset.end || "", place.dataset.zone || "", readerZone, place.dataset.locale || "", place.dataset.label || "", format);
    if (!found) continue;
    const label = root.createElement("span");
    label.className = "font-medium";
    label.textContent = found.label;
    place.replaceChildren(label, ` ${found.text}`);
    place.hidden = false;
  }
}
