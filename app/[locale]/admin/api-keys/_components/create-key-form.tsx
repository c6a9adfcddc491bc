"use client";

import { useActionState, type ReactNode } from "react";
import { FormLocale, FormStateProvider, formMessageOf } from "@/components/ui/action-form";
import { Alert } from "@/components/ui/alert";
import type { CreateKeyState } from "../actions";

type Props = {
  action: (state: CreateKeyState, formData: FormData) => Promise<CreateKeyState>;
  labels: { createdHeading: string; createdText: string };
  label: string;
  children: ReactNode;
};

/** The form, and after a success the key, once, in the answer to the POST (with or without JavaScript). */
export function CreateKeyForm({ action, labels, label, children }: Props) {
  const [state, formAction] = useActionState(action, { status: "idle" } as CreateKeyState);
  const formMessage = formMessageOf(state);
  return (
    <FormStateProvider value={state}>
      {state.created ? (
        <section aria-labelledby="key-created" className="mb-6 space-y-3">
          <h3 id="key-created" className="text-lg font-semibold text-slate-950">
            {labels.createdHeading.replace("{partner}", state.created.partner)}
          </h3>
          <Alert tone="success" live>
            {labels.createdText}
          </Alert>
          <p data-testid="api-key" className="inline-block max-w-full select-all rounded-md border-2 border-slate-800 bg-white px-3 py-2 font-mono break-all text-slate-950">
            {state.created.key}
          </p>
        </section>
      ) : null}
      <form action={formAction} className="space-y-5" aria-label={label} noValidate>
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
