"use client";

import type { ButtonHTMLAttributes } from "react";
import { useFormStatus } from "react-dom";
import { buttonClass, type ButtonVariant as Variant } from "./button-class";
import { cx } from "./cx";


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
