"use client";

import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone ?? null;
const noZone = () => null;

/**
 * The session's time in the reader's own zone, when it differs from the session's. Rendered
 * only in the browser (the server does not know the reader's zone); without JavaScript the
 * page shows the session's zone, which is always there.
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
  if (!zone || zone === sessionZone) return null;
  const startDate = new Date(start);
  const endDate = new Date(end);
  const sameOffset =
    new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longOffset" }).format(startDate) ===
    new Intl.DateTimeFormat("en-US", { timeZone: sessionZone, timeZoneName: "longOffset" }).format(startDate);
  if (sameOffset) return null;
  const text = new Intl.DateTimeFormat(locale, {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZone: zone,
  }).formatRange(startDate, endDate);
  return (
    <p className="text-slate-800">
      <span className="font-medium">{label.replace("{zone}", zone.replaceAll("_", " "))}</span> {text}
    </p>
  );
}
