"use server";

import { redirect } from "next/navigation";
import { updateEmailPreferences, unsubscribe } from "@/lib/email-preferences/commands";
import { runCommandForm } from "@/lib/forms/command-action";
import type { FormState } from "@/lib/forms/state";
import { localeOr } from "@/i18n/routing";

// Thin: the command decides; back to the page with a notice, with or without JavaScript.

/** Saves the signed-in person's email choices (their own only: the command takes the actor). */
export async function updateEmailPreferencesAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, updateEmailPreferences, (_result, input) => redirect(`/${localeOr(input.locale)}/account/notifications?saved=1`));
}

/** The unsubscribe page's confirm button: the token from the email, no sign-in needed. */
export async function unsubscribeAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, unsubscribe, (_result, input) => {
    const token = typeof input.token === "string" ? input.token : "";
    redirect(`/${localeOr(input.locale)}/unsubscribe/${encodeURIComponent(token)}?done=1`);
  });
}
