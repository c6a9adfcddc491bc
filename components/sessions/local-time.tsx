"use client";

import { useSyncExternalStore } from "react";
import { SESSION_DATE_TIME } from "@/lib/sessions/date-time-format";
import { localTimeLine } from "./local-time-line";

const noSubscription = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone ?? null;
const noZone = () => null;

/**
 * The session's time in the reader's own zone, when it differs from the session's. The server
 * does not know the reader's zone: it sends a hidden placeholder, which this component fills
 * once hydrated, or a small script of its own on a page sent without Next's
 * (`fillLocalTimes`, server/hydration.ts). Without JavaScript the page shows the session's zone,
 * which is always there.
 */
export function LocalTime({
  start,
  end,
  sessionZone,
  locale,
  label,
}: {
  start: string;
  end: string;
  sessionZone: string;
  locale: string;
  /** "Your time ({zone}):" already translated, with {zone} left for the browser's zone. */
  label: string;
}) {
  const zone = useSyncExternalStore(noSubscription, browserZone, noZone);
  if (!zone) return <p hidden data-local-time="" data-start={start} data-end={end} data-zone={sessionZone} data-locale={locale} data-label={label} />;
  const line = localTimeLine(start, end, sessionZone, zone, locale, label, SESSION_DATE_TIME);
  if (!line) return null;
  return (
    <p className="text-slate-800">
      <span className="font-medium">{line.label}</span> {line.text}
    </p>
  );
}
