"use server";

import { redirect } from "next/navigation";
import { endOtherAuthSessions, endAuthSession } from "@/lib/auth/commands";
import type { FormState } from "@/lib/forms/state";
import { runCommandForm } from "@/lib/forms/command-action";
import { localeOr } from "@/i18n/routing";

// Back to the page with a notice: the list is read again, with or without JavaScript.

/** Ends one of the signed-in person's other sessions (that browser is signed out on its next request). */
export async function endSessionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, endAuthSession, (_result, input) => redirect(`/${localeOr(input.locale)}/dashboard/account?ended=one`));
}

/** Ends every session but this browser's. */
export async function endOtherSessionsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, endOtherAuthSessions, (_result, input) => redirect(`/${localeOr(input.locale)}/dashboard/account?ended=others`));
}
