"use client";

import { useParams } from "next/navigation";
import { createContext, useActionState, useContext, type ReactNode } from "react";
import { FORM_LOCALE_FIELD, shownText, type FormState } from "@/lib/forms/state";
import { Alert } from "./alert";

const FormStateContext = createContext<FormState>({ status: "idle" });

/** For a form that keeps more in its state than FormState (a receipt code shown once): its fields read this. */
export const FormStateProvider = FormStateContext.Provider;

/** The state of the surrounding form: field errors and what the user typed. */
export const useFormStateContext = () => useContext(FormStateContext);

/**
 * The page's language, posted with the form so the action answers in it (its messages are
 * translated on the server: no catalogue goes to the browser). Every form with an action state has one.
 */
export function FormLocale() {
  const { locale } = useParams<{ locale?: string }>();
  return locale ? <input type="hidden" name={FORM_LOCALE_FIELD} value={locale} /> : null;
}

/** The form-level message of an answer, already in the user's language. */
export const formMessageOf = (state: FormState) => (state.status === "error" && state.message ? shownText(state.message) : null);

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
  const formMessage = formMessageOf(state);
  return (
    <FormStateContext.Provider value={state}>
      <form action={formAction} className={className ?? "space-y-5"} id={id} aria-label={rest["aria-label"]} noValidate>
        <FormLocale />
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
