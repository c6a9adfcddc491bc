import type { ReactNode } from "react";

export function PageHeader({ title, lead, actions }: { title: string; lead?: ReactNode; actions?: ReactNode }) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-4 border-b border-slate-300 pb-4">
      <div className="max-w-3xl">
        <h1 className="text-2xl font-bold text-slate-950 sm:text-3xl">{title}</h1>
        {lead ? <div className="mt-2 text-lg text-slate-800">{lead}</div> : null}
      </div>
      {actions ? <div className="flex flex-wrap gap-2">{actions}</div> : null}
    </div>
  );
}
