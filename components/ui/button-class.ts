import { cx } from "./cx";

export type ButtonVariant = "primary" | "secondary" | "danger" | "link";

/** Button looks, also for links that act as buttons; usable from server components. */
export const buttonClass = (variant: ButtonVariant = "primary") =>
  cx(
    "inline-flex min-h-11 items-center justify-center gap-2 rounded-md px-4 py-2 font-semibold",
    "focus-visible:outline focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-blue-700",
    "disabled:cursor-not-allowed disabled:opacity-70",
    variant === "primary" && "bg-blue-800 text-white hover:bg-blue-900",
    variant === "secondary" && "border border-slate-500 bg-white text-slate-900 hover:bg-slate-100",
    variant === "danger" && "bg-red-800 text-white hover:bg-red-900",
    variant === "link" && "min-h-0 px-0 py-0 text-blue-800 underline hover:text-blue-950",
  );
