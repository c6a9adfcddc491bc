import type { ReactNode } from "react";
import { cx } from "./cx";

type Tone = "neutral" | "info" | "success" | "warning" | "danger";

const tones: Record<Tone, string> = {
  neutral: "bg-slate-100 text-slate-900 border-slate-400",
  info: "bg-blue-50 text-blue-900 border-blue-400",
  success: "bg-green-50 text-green-900 border-green-500",
  warning: "bg-amber-50 text-amber-950 border-amber-500",
  danger: "bg-red-50 text-red-900 border-red-400",
};

// rounded-2xl: a pill on one line, a rounded box (not a tall oval) when a long status wraps on a phone.
export function Badge({ tone = "neutral", children }: { tone?: Tone; children: ReactNode }) {
  return <span className={cx("inline-block max-w-full rounded-2xl border px-2.5 py-0.5 text-sm font-medium break-words", tones[tone])}>{children}</span>;
}
