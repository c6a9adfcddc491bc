import type { ReactNode } from "react";
import { cx } from "./cx";

// The look is in app/globals.css (.card): a short class list, since list pages repeat it per row.
export function Card({ children, className, as: Tag = "section" }: { children: ReactNode; className?: string; as?: "section" | "article" | "div" | "li" }) {
  return <Tag className={cx("card", className)}>{children}</Tag>;
}
