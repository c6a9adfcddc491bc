"use client";

import type { ButtonHTMLAttributes } from "react";
import { useFormStatus } from "react-dom";
import { cx } from "./cx";

type Variant = "primary" | "secondary" | "danger" | "link";

export const buttonClass = (variant: Variant = "primary") =>
  cx(
    "inline-flex min-h-11 items-center justify-center gap-2 rounded-md px-4 py-2 font-semibold",
    "focus-visible:outline focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-blue-700",
    "disabled:cursor-not-allowed disabled:opacity-70",
    variant === "primary" && "bg-blue-800 text-white hover:bg-blue-900",
    variant === "secondary" && "border border-slate-500 bg-white text-slate-900 hover:bg-slate-100",
    variant === "danger" && "bg-red-800 text-white hover:bg-red-900",
    variant === "link" && "min-h-0 px-0 py-0 text-blue-800 underline hover:text-blue-950",
  );

type Props = ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant; pendingLabel?: string };

/** A submit button that shows the pending state of its form (when JavaScript runs). */
export function Button({ variant = "primary", pendingLabel, className, children, type = "submit", ...rest }: Props) {
  const { pending } = useFormStatus();
  return (
    <button type={type} className={cx(buttonClass(variant), className)} disabled={pending || rest.disabled} aria-busy={pending || undefined} {...rest}>
      {pending && pendingLabel ? pendingLabel : children}
    </button>
  );
}
