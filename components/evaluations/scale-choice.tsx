"use client";

import { useId, type ReactNode } from "react";
import { useFieldState } from "@/components/ui/field";

/**
 * A 1–5 answer as five radio buttons in a fieldset: the question is the legend, the words for
 * 1 and 5 stand beside them. Keeps the choice after a refused post (it works without JavaScript).
 */
export function ScaleChoice({ name, legend, low, high }: { name: string; legend: ReactNode; low: ReactNode; high: ReactNode }) {
  const id = useId();
  const { errors, previous } = useFieldState(name);
  return (
    <fieldset className="min-w-0 space-y-2" aria-describedby={errors.length ? `${id}-error` : undefined}>
      <legend className="font-medium text-slate-900">{legend}</legend>
      <div className="flex flex-wrap gap-x-5 gap-y-2">
        {[1, 2, 3, 4, 5].map((point) => (
          <label key={point} className="flex items-start gap-2 text-slate-900">
            <input type="radio" name={name} value={point} defaultChecked={previous === String(point)} className="mt-1 h-4 w-4 accent-blue-800" />
            <span>
              {point}
              {point === 1 ? <span className="ml-1 text-sm text-slate-700">({low})</span> : null}
              {point === 5 ? <span className="ml-1 text-sm text-slate-700">({high})</span> : null}
            </span>
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
