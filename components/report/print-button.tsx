"use client";

import { useSyncExternalStore } from "react";
import { buttonClass } from "@/components/ui/button-class";

const noSubscription = () => () => {};

/**
 * "Print or save as PDF": shown only when JavaScript runs (without it, the browser's own Print
 * does the same; the page says so next to the download link).
 */
export function PrintButton({ label }: { label: string }) {
  const ready = useSyncExternalStore(noSubscription, () => true, () => false);
  if (!ready) return null;
  return (
    <button type="button" className={buttonClass("secondary")} onClick={() => window.print()}>
      {label}
    </button>
  );
}
