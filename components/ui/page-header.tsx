import type { ReactNode } from "react";

export function PageHeader({ title, lead, actions }: { title: string; lead?: ReactNode; actions?: ReactNode }) {
  return (
    // The look is in app/globals.css (.page-header): every page has one, and Next's payload repeats each class.
    <div className="page-header">
      <div>
        <h1>{title}</h1>
        {lead ? <div>{lead}</div> : null}
      </div>
      {actions ? <div>{actions}</div> : null}
    </div>
  );
}
