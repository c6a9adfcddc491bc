import type { ReactNode } from "react";
import { cx } from "./cx";

type Tone = "info" | "success" | "warning" | "error";

const tones: Record<Tone, string> = {
  info: "border-blue-700 bg-blue-50 text-blue-950",
  success: "border-green-700 bg-green-50 text-green-950",
  warning: "border-amber-700 bg-amber-50 text-amber-950",
  error: "border-red-700 bg-red-50 text-red-950",
};

/** `live` announces the message to screen readers when it appears (form results). */
export function Alert({ tone = "info", title, children, live }: { tone?: Tone; title?: string; children?: ReactNode; live?: boolean }) {
  return (
    <div
      className={cx("rounded-md border-l-4 p-4", tones[tone])}
      role={live ? (tone === "error" ? "alert" : "status") : undefined}
      data-tone={tone}
    >
      {title ? <p className="font-semibold">{title}</p> : null}
      {children ? <div className={title ? "mt-1" : undefined}>{children}</div> : null}
    </div>
  );
}
