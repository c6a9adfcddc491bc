"use client";

import { useId } from "react";
import { useFieldState } from "@/components/ui/field";
import type { Option } from "@/components/ui/select";

/**
 * The member search's results as radio buttons (one name): works without JavaScript, keeps the
 * choice after a failed submit and shows the field's error.
 */
export function MemberChoice({ name, legend, options, hint }: { name: string; legend: string; options: Option[]; hint?: string }) {
  const id = useId();
  const { errors, previous } = useFieldState(name);
  const chosen = typeof previous === "string" ? previous : options.length === 1 ? options[0].value : undefined;
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
      <div className="space-y-2">
        {options.map((o) => (
          <label key={o.value} className="flex items-start gap-2 text-slate-900">
            <input type="radio" name={name} value={o.value} defaultChecked={chosen === o.value} className="mt-1 h-4 w-4 accent-blue-800" />
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
