"use client";

import { useActionState, type ReactNode } from "react";
import { FormLocale, FormStateProvider, formMessageOf } from "@/components/ui/action-form";
import { Alert } from "@/components/ui/alert";
import type { ReportFormState } from "../report/actions";

export type DoneLabels = {
  title: string;
  lead: string;
  codeLabel: string;
  keepTitle: string;
  keep: string[];
  receiptLink: string;
  receiptHref: string;
  another: string;
  anotherHref: string;
};

type Props = {
  action: (state: ReportFormState, formData: FormData) => Promise<ReportFormState>;
  done: DoneLabels;
  label: string;
  children: ReactNode;
};

/**
 * The report form, and in its place after a success the receipt code: rendered in the answer to
 * the POST itself (with or without JavaScript), so the code never travels in a URL or a cookie.
 */
export function ReportForm({ action, done, label, children }: Props) {
  const [state, formAction] = useActionState(action, { status: "idle" } as ReportFormState);
  if (state.status === "success" && state.receipt) {
    return (
      <section aria-labelledby="receipt-title" className="space-y-4">
        <h2 id="receipt-title" className="text-xl font-bold text-slate-950">
          {done.title}
        </h2>
        <Alert tone="success" live>
          {done.lead}
        </Alert>
        <div>
          <p className="font-medium text-slate-900" id="receipt-code-label">
            {done.codeLabel}
          </p>
          {/* Large, monospaced, selectable in one go: to copy, or read aloud group by group. */}
          <p
            aria-labelledby="receipt-code-label"
            data-testid="receipt-code"
            className="mt-1 inline-block select-all rounded-md border-2 border-slate-800 bg-white px-4 py-3 font-mono text-2xl tracking-wider break-all text-slate-950"
          >
            {state.receipt}
          </p>
        </div>
        <div>
          <h3 className="font-semibold text-slate-950">{done.keepTitle}</h3>
          <ul className="mt-2 list-disc space-y-1 pl-6 text-slate-800">
            {done.keep.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
        <p className="flex flex-wrap gap-4">
          <a href={done.receiptHref}>{done.receiptLink}</a>
          <a href={done.anotherHref}>{done.another}</a>
        </p>
      </section>
    );
  }
  const formMessage = formMessageOf(state);
  return (
    <FormStateProvider value={state}>
      <form action={formAction} className="space-y-8" aria-label={label} noValidate>
        <FormLocale />
        {formMessage ? (
          <Alert tone="error" live>
            {formMessage}
          </Alert>
        ) : null}
        {children}
      </form>
    </FormStateProvider>
  );
}
