"use client";

import { useId, type SelectHTMLAttributes } from "react";
import { FieldShell, useFieldState } from "./field";
import { inputClass } from "./input-class";
import { cx } from "./cx";

export type Option = { value: string; label: string };

type Props = Omit<SelectHTMLAttributes<HTMLSelectElement>, "name"> & {
  name: string;
  label: string;
  options: Option[];
  hint?: string;
  requiredLabel?: string;
  /** Text of an empty first option ("Choose…" or "All"). */
  placeholder?: string;
};

export function Select({ name, label, options, hint, requiredLabel, placeholder, defaultValue, className, ...rest }: Props) {
  const id = useId();
  const { errors, previous } = useFieldState(name);
  const value = typeof previous === "string" ? previous : defaultValue;
  return (
    <FieldShell id={id} label={label} hint={hint} errors={errors} required={rest.required} requiredLabel={requiredLabel}>
      <select
        id={id}
        name={name}
        key={String(value ?? "")}
        defaultValue={value ?? ""}
        aria-invalid={errors.length > 0 || undefined}
        aria-describedby={cx(hint && `${id}-hint`, errors.length > 0 && `${id}-error`) || undefined}
        className={cx(inputClass, className)}
        {...rest}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}
