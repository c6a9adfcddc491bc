"use client";

import { useActionState } from "react";
import { FormLocale, FormStateProvider, formMessageOf } from "@/components/ui/action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, TextArea } from "@/components/ui/field";
import type { ReceiptView } from "@/lib/monitoring/commands/receipt-view";
import type { ReceiptState } from "../receipt/actions";

export type ReceiptLabels = {
  code: string;
  codeHint: string;
  open: string;
  working: string;
  statusTitle: string;
  statuses: Record<ReceiptView["status"], string>;
  filedOn: string;
  closed: string;
  messagesTitle: string;
  noMessages: string;
  fromReviewers: string;
  fromYou: string;
  new: string;
  reply: string;
  replyHint: string;
  send: string;
  sending: string;
  replied: string;
  closedNoReply: string;
  contactTitle: string;
  contact: Record<ReceiptView["contact"], string>;
  eraseHint: string;
  erase: string;
  erased: string;
  keepCode: string;
  leave: string;
  leaveHref: string;
  formLabel: string;
};

type Props = {
  action: (state: ReceiptState, formData: FormData) => Promise<ReceiptState>;
  labels: ReceiptLabels;
  locale: string;
  maxMessage: number;
};

/**
 * The receipt page: the code form, then the case. Every form here posts to the same action with
 * the code in a hidden field, and the answer to that POST is the page (no URL carries the code).
 */
export function ReceiptDesk({ action, labels, locale, maxMessage }: Props) {
  const [state, formAction] = useActionState(action, { status: "idle" } as ReceiptState);
  const formMessage = formMessageOf(state);
  const errorAlert = formMessage ? (
    <Alert tone="error" live>
      {formMessage}
    </Alert>
  ) : null;

  if (!state.view) {
    return (
      <FormStateProvider value={state}>
        <form action={formAction} className="max-w-xl space-y-5" aria-label={labels.formLabel} noValidate>
          <FormLocale />
          {errorAlert}
          <input type="hidden" name="intent" value="open" />
          <Field name="receipt" label={labels.code} hint={labels.codeHint} autoComplete="off" autoCapitalize="characters" spellCheck={false} className="font-mono" />
          <Button pendingLabel={labels.working}>{labels.open}</Button>
        </form>
      </FormStateProvider>
    );
  }

  const view = state.view;
  const date = (iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(new Date(iso));
  const hidden = (intent: "reply" | "erase") => (
    <>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="receipt" value={state.receipt ?? ""} />
    </>
  );
  return (
    <FormStateProvider value={state}>
      <div className="max-w-3xl space-y-8">
        {errorAlert}
        {state.done ? (
          <Alert tone="success" live>
            {state.done === "replied" ? labels.replied : labels.erased}
          </Alert>
        ) : null}
        <section aria-labelledby="status-title" className="space-y-2">
          <h2 id="status-title" className="text-xl font-bold text-slate-950">
            {labels.statusTitle}
          </h2>
          <p className="text-lg text-slate-900" data-testid="receipt-status">
            {labels.statuses[view.status]}
          </p>
          <p className="text-slate-700">{labels.filedOn.replace("{date}", date(view.filedOn))}</p>
          {view.closed ? <p className="text-slate-800">{labels.closed}</p> : null}
        </section>

        <section aria-labelledby="messages-title" className="space-y-4">
          <h2 id="messages-title" className="text-xl font-bold text-slate-950">
            {labels.messagesTitle}
          </h2>
          {view.messages.length === 0 ? <p className="text-slate-700">{labels.noMessages}</p> : null}
          <ol className="space-y-3">
            {view.messages.map((m) => (
              <li key={m.id} className={m.fromReporter ? "rounded-md border border-slate-300 bg-slate-50 p-3" : "rounded-md border border-blue-700 bg-white p-3"}>
                <p className="text-sm font-semibold text-slate-900">
                  {m.fromReporter ? labels.fromYou : labels.fromReviewers} · {date(m.createdAt)}
                  {m.isNew ? <span className="ml-2 rounded bg-amber-100 px-2 py-0.5 text-amber-950">{labels.new}</span> : null}
                </p>
                <p className="mt-1 whitespace-pre-line text-slate-900">{m.body}</p>
              </li>
            ))}
          </ol>
          {view.closed ? (
            <p className="text-slate-800">{labels.closedNoReply}</p>
          ) : (
            <form action={formAction} className="space-y-3" aria-label={labels.reply} noValidate>
              <FormLocale />
              {hidden("reply")}
              <TextArea name="body" label={labels.reply} hint={labels.replyHint} maxLength={maxMessage} rows={4} />
              <Button pendingLabel={labels.sending}>{labels.send}</Button>
            </form>
          )}
        </section>

        <section aria-labelledby="contact-title" className="space-y-3">
          <h2 id="contact-title" className="text-xl font-bold text-slate-950">
            {labels.contactTitle}
          </h2>
          <p className="text-slate-900">{labels.contact[view.contact]}</p>
          {view.contact === "given" ? (
            <form action={formAction} className="space-y-3" aria-label={labels.erase}>
              <FormLocale />
              {hidden("erase")}
              <p className="text-slate-700">{labels.eraseHint}</p>
              <Button variant="secondary">{labels.erase}</Button>
            </form>
          ) : null}
        </section>

        <p className="text-slate-700">{labels.keepCode}</p>
        <p>
          <a href={labels.leaveHref}>{labels.leave}</a>
        </p>
      </div>
    </FormStateProvider>
  );
}
