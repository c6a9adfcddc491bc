import type { ReactNode } from "react";

/** A table that scrolls sideways on a narrow phone instead of breaking the page. */
export function Table({ caption, head, children }: { caption: string; head: ReactNode[]; children: ReactNode }) {
  return (
    // .tbl (app/globals.css) styles the table and pads every cell: no class per cell, which a
    // long table repeats hundreds of times.
    <div className="tbl" role="region" aria-label={caption} tabIndex={0}>
      <table>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {head.map((h, i) => (
              <th key={i} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

export function Td({ children, className }: { children: ReactNode; className?: string }) {
  // No className attribute at all when there is none: Next's page payload spells out an undefined one in every cell.
  return className ? <td className={className}>{children}</td> : <td>{children}</td>;
}
