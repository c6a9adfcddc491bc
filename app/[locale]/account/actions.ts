"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { deleteOwnAccount, requestAccountArchive, updateProfile } from "@/lib/account-data/commands";
import { endOtherAuthSessions, endAuthSession } from "@/lib/auth/commands";
import { clearSessionCookie } from "@/lib/auth/session";
import type { FormState } from "@/lib/forms/state";
import { runCommandForm } from "@/lib/forms/command-action";
import { localeOr } from "@/i18n/routing";

// Back to the page with a notice: the page is read again, with or without JavaScript.
const back = (locale: unknown, notice: string) => redirect(`/${localeOr(locale)}/account?${notice}`);

/** Ends one of the signed-in person's other sessions (that browser is signed out on its next request). */
export async function endSessionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, endAuthSession, (_result, input) => back(input.locale, "ended=one"));
}

/** Ends every session but this browser's. */
export async function endOtherSessionsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, endOtherAuthSessions, (_result, input) => back(input.locale, "ended=others"));
}

/** Name and language; the page comes back in the language just chosen. */
export async function updateProfileAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, updateProfile, (result) => back(result.locale, "saved=profile"));
}

/** "Download my data": recorded, then prepared in the background. */
export async function requestArchiveAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, requestAccountArchive, (_result, input) => back(input.locale, "archive=requested"));
}

/** Deletes the account, clears this browser's cookie (every session row is gone already) and says goodbye. */
export async function deleteAccountAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, deleteOwnAccount, async (_result, input) => {
    clearSessionCookie(await cookies());
    redirect(`/${localeOr(input.locale)}/account/deleted`);
  });
}
