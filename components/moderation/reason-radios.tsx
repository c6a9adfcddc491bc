"use client";

import { useId } from "react";
import { useFieldState } from "@/components/ui/field";

type Props = { name: string; legend: string; options: { value: string; label: string }[]; requiredLabel: string };

/** One reason from the fixed list, as radios (no JavaScript needed); keeps the choice after a refused submit. */
export function ReasonRadios({ name, legend, options, requiredLabel }: Props) {
  const id = useId();
  const { errors, previous } = useFieldState(name);
  const chosen = typeof previous === "string" ? previous : undefined;
  return (
    <fieldset className="space-y-2" aria-describedby={errors.length ? `${id}-error` : undefined}>
      <legend className="font-medium text-slate-900">
        {legend} <span className="text-sm font-normal text-slate-700">({requiredLabel})</span>
      </legend>
      <div className="grid gap-2">
        {options.map((o) => (
          <label key={o.value} className="flex items-start gap-2 text-slate-900">
            <input type="radio" name={name} value={o.value} defaultChecked={chosen === o.value} required className="mt-1 h-4 w-4 shrink-0 accent-blue-800" />
            <span className="min-w-0 [overflow-wrap:anywhere]">{o.label}</span>
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
