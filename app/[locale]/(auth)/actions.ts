"use server";

import { redirect } from "next/navigation";
import { requestPasswordReset, resetPassword, signUp } from "@/lib/accounts/commands";
import { safeNextPath } from "@/lib/accounts/policy";
import { authenticate } from "@/lib/accounts/sign-in";
import { clientAddress, endSession, startSession } from "@/lib/auth/session";
import type { FormState } from "@/lib/forms/state";
import { runFormAction, type FormInput } from "@/lib/forms/run-action";
import { localeOr, type AppLocale } from "@/i18n/routing";

// Not runCommandForm: these start or end a session (a cookie) from what the command returns,
// and none has a signed-in actor to read.

/** A plain form (no JavaScript needed): ends the session and goes to the home page in the form's language. */
export async function signOutAction(formData: FormData): Promise<void> {
  await runFormAction(formData, "accounts.signOut", async (input) => {
    await endSession();
    redirect(`/${localeOr(input.locale)}`);
  });
}

/** The language of the page the form was on (a hidden field), for where to go next. */
const pageLocale = (input: FormInput): AppLocale => localeOr(input.pageLocale);

function afterSignIn(input: FormInput, locale: AppLocale): string {
  return safeNextPath(input.next) ?? `/${locale}/dashboard`;
}

export async function signInAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, "accounts.signIn", async (input) => {
    const locale = pageLocale(input);
    const user = await authenticate(input.email, input.password, await clientAddress());
    await startSession(user);
    redirect(afterSignIn(input, locale));
  });
}

export async function signUpAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, "accounts.signUp", async (input) => {
    const locale = pageLocale(input);
    const result = await signUp(null, { ...input, locale: input.locale ?? locale }, { address: await clientAddress() });
    if (result.status === "created") {
      await startSession(result.user);
      // The account is active now: the page says so and what to do next (the email is only a welcome).
      const next = safeNextPath(input.next);
      redirect(`/${locale}/sign-up?ready=1${next ? `&next=${encodeURIComponent(next)}` : ""}`);
    }
    // The address already has an account: its owner was told by email; here, a neutral answer.
    redirect(`/${locale}/sign-up?sent=1`);
  });
}

export async function requestPasswordResetAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, "accounts.requestPasswordReset", async (input) => {
    await requestPasswordReset(null, input, { address: await clientAddress() });
    return { status: "success" };
  });
}

export async function resetPasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, "accounts.resetPassword", async (input) => {
    const locale = pageLocale(input);
    const user = await resetPassword(null, input, { address: await clientAddress() });
    await startSession(user);
    redirect(`/${locale}/dashboard`);
  });
}
