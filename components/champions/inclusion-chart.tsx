import { useId } from "react";

import { INCLUSION_LEVELS as INCLUSION_RUNGS, type InclusionLevelName as InclusionRung } from "@/lib/champions/schemas";

// Plain HTML, no client JavaScript: an ordered list (the ladder has an order) whose items read
// as "Consulted 3". The number is always written, so the bars (aria-hidden, one colour) only add
// a length to compare; nothing depends on colour.

/** For one country: how many initiatives sit at each rung of the inclusion ladder. */
export function InclusionChart({
  counts,
  labels,
  caption,
}: {
  counts: Record<InclusionRung, number>;
  labels: Record<InclusionRung, string>;
  caption: string;
}) {
  const id = useId();
  const max = Math.max(0, ...INCLUSION_RUNGS.map((rung) => counts[rung]));
  return (
    <figure aria-labelledby={id} className="max-w-xl">
      <figcaption id={id} className="mb-2 font-semibold text-slate-900">
        {caption}
      </figcaption>
      <ol className="space-y-1">
        {INCLUSION_RUNGS.map((rung) => {
          const count = counts[rung];
          const percent = max > 0 ? Math.round((count / max) * 100) : 0;
          return (
            <li key={rung} className="grid grid-cols-[minmax(0,9rem)_minmax(0,1fr)_auto] items-center gap-2 text-sm">
              <span className="min-w-0 break-words text-slate-900">{labels[rung]}</span>
              <span className="h-3 rounded-sm bg-slate-200" aria-hidden="true">
                <span className="block h-3 rounded-sm bg-blue-800" style={{ width: `${percent}%` }} />
              </span>
              <span className="min-w-8 text-right font-semibold tabular-nums text-slate-950">{count}</span>
            </li>
          );
        })}
      </ol>
    </figure>
  );
}
