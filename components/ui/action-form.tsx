"use client";

import { createContext, useActionState, useContext, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { FormState } from "@/lib/forms/state";
import { Alert } from "./alert";

const FormStateContext = createContext<FormState>({ status: "idle" });

/** For a form that keeps more in its state than FormState (a receipt code shown once): its fields read this. */
export const FormStateProvider = FormStateContext.Provider;

/** The state of the surrounding form: field errors and what the user typed. */
export const useFormStateContext = () => useContext(FormStateContext);

/** A server action a form posts to (the page passes it to shared form components). */
export type FormStateAction = (state: FormState, formData: FormData) => Promise<FormState>;

type Props = {
  action: FormStateAction;
  children: ReactNode;
  /** Shown after a successful submit (when the action does not redirect). */
  successMessage?: string;
  className?: string;
  id?: string;
  "aria-label"?: string;
};

/**
 * A form bound to a server action. Without JavaScript it posts and the page comes back with
 * the same state; with it, the page stays put and shows errors next to the fields.
 */
export function ActionForm({ action, children, successMessage, className, id, ...rest }: Props) {
  const [state, formAction] = useActionState(action, { status: "idle" } as FormState);
  const t = useTranslations("errors");
  const formMessage = state.status === "error" && state.message ? t(state.message.key, state.message.values) : null;
  return (
    <FormStateContext.Provider value={state}>
      <form action={formAction} className={className ?? "space-y-5"} id={id} aria-label={rest["aria-label"]} noValidate>
        {formMessage ? (
          <Alert tone="error" live>
            {formMessage}
          </Alert>
        ) : null}
        {state.status === "success" && successMessage ? (
          <Alert tone="success" live>
            {successMessage}
          </Alert>
        ) : null}
        {children}
      </form>
    </FormStateContext.Provider>
  );
}
