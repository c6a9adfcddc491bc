import type { ReactNode } from "react";

/** A table that scrolls sideways on a narrow phone instead of breaking the page. */
export function Table({ caption, head, children }: { caption: string; head: ReactNode[]; children: ReactNode }) {
  return (
    // `relative`: screen-reader-only text inside (positioned absolutely) scrolls with the table
    // instead of widening the page.
    <div className="relative overflow-x-auto rounded-lg border border-slate-300" role="region" aria-label={caption} tabIndex={0}>
      {/* .tbl (app/globals.css) pads every cell: no class per cell, which a long table repeats hundreds of times. */}
      <table className="tbl min-w-full divide-y divide-slate-300 bg-white text-left">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-100">
          <tr>
            {head.map((h, i) => (
              <th key={i} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">{children}</tbody>
      </table>
    </div>
  );
}

export function Td({ children, className }: { children: ReactNode; className?: string }) {
  return <td className={className}>{children}</td>;
}
