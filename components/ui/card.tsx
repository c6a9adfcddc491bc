import type { ReactNode } from "react";
import { cx } from "./cx";

export function Card({ children, className, as: Tag = "section" }: { children: ReactNode; className?: string; as?: "section" | "article" | "div" | "li" }) {
  return <Tag className={cx("rounded-lg border border-slate-300 bg-white p-5 shadow-sm", className)}>{children}</Tag>;
}
