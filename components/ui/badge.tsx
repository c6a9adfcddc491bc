import type { ReactNode } from "react";

type Tone = "neutral" | "info" | "success" | "warning" | "danger";

// The look is in app/globals.css (.badge, .badge-<tone>): a short class list, since list pages repeat it per row.
export function Badge({ tone = "neutral", children }: { tone?: Tone; children: ReactNode }) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}
