"use server";

import { redirect } from "next/navigation";
import type { FormState } from "@/lib/forms/state";
import { runCommandForm } from "@/lib/forms/command-action";
import type { FormInput } from "@/lib/forms/run-action";
import { cancelRegistration, registerForSession, updateRegistration } from "@/lib/sessions/commands";
import { localeOr } from "@/i18n/routing";

// Thin: each action runs the command (which checks everything and refreshes the pages it
// changed) and sends the browser back to the session page with a notice (?done=…), the same
// with and without JavaScript.

/** What the session page says after a registration action. */
export type RegistrationDone = "registered" | "registrationUpdated" | "registrationCancelled";

function finish(input: FormInput, sessionId: string, done: RegistrationDone): never {
  redirect(`/${localeOr(input.locale)}/sessions/${sessionId}?done=${done}#registration`);
}

export async function registerForSessionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, registerForSession, (result, input) => finish(input, result.sessionId, "registered"));
}

export async function updateRegistrationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, updateRegistration, (result, input) => finish(input, result.sessionId, "registrationUpdated"));
}

export async function cancelRegistrationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, cancelRegistration, (result, input) => finish(input, result.sessionId, "registrationCancelled"));
}
