"use client";

import { useId } from "react";
import { useFieldState } from "./field";
import type { Option } from "./select";

type Props = {
  name: string;
  legend: string;
  options: Option[];
  hint?: string;
  defaultValue?: string[];
  columns?: 1 | 2 | 3;
};

/** A group of checkboxes sharing one name; the server receives every checked value. */
export function CheckboxGroup({ name, legend, options, hint, defaultValue = [], columns = 2 }: Props) {
  const id = useId();
  const { errors, previous } = useFieldState(name);
  const checked = new Set(previous === undefined ? defaultValue : Array.isArray(previous) ? previous : [previous]);
  const grid = columns === 1 ? "" : columns === 2 ? "sm:grid-cols-2" : "sm:grid-cols-3";
  return (
    <fieldset
      className="space-y-2"
      aria-describedby={[hint && `${id}-hint`, errors.length && `${id}-error`].filter(Boolean).join(" ") || undefined}
    >
      <legend className="font-medium text-slate-900">{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-slate-700">
          {hint}
        </p>
      ) : null}
      <div className={`grid gap-2 ${grid}`}>
        {options.map((o) => (
          <label key={o.value} className="flex items-start gap-2 text-slate-900">
            <input
              type="checkbox"
              name={name}
              value={o.value}
              defaultChecked={checked.has(o.value)}
              className="mt-1 h-4 w-4 accent-blue-800"
            />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      {errors.length ? (
        <p id={`${id}-error`} className="text-sm font-medium text-red-800">
          {errors.join(" ")}
        </p>
      ) : null}
    </fieldset>
  );
}

/** A single checkbox (a yes/no choice) that keeps its state across a failed submit. */
export function Checkbox({ name, label, hint, defaultChecked }: { name: string; label: string; hint?: string; defaultChecked?: boolean }) {
  const id = useId();
  const { errors, previous } = useFieldState(name);
  const isChecked = previous === undefined ? defaultChecked : previous === "on" || previous === "true";
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="flex items-start gap-2 text-slate-900">
        <input id={id} type="checkbox" name={name} defaultChecked={isChecked} className="mt-1 h-4 w-4 accent-blue-800" />
        <span>{label}</span>
      </label>
      {hint ? <p className="ml-6 text-sm text-slate-700">{hint}</p> : null}
      {errors.length ? <p className="text-sm font-medium text-red-800">{errors.join(" ")}</p> : null}
    </div>
  );
}
