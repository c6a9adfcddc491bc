"use server";

import { redirect } from "next/navigation";
import { authenticate, requestPasswordReset, resetPassword, signUp } from "@/lib/accounts/commands";
import { safeNextPath } from "@/lib/accounts/policy";
import { clientAddress, endSession, startSession } from "@/lib/auth/session";
import type { FormState } from "@/lib/forms/state";
import { runFormAction } from "@/lib/forms/run-action";
import { defaultLocale, isLocale, type AppLocale } from "@/i18n/routing";

export async function signOutAction(formData: FormData) {
  await endSession();
  const locale = formData.get("locale");
  redirect(`/${isLocale(locale) ? locale : "es"}`);
}

/** The language of the page the form was on (a hidden field), for where to go next. */
function pageLocale(input: Record<string, string | string[]>): AppLocale {
  return isLocale(input.pageLocale) ? input.pageLocale : defaultLocale;
}

function afterSignIn(input: Record<string, string | string[]>, locale: AppLocale): string {
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
    const result = await signUp({ ...input, locale: input.locale ?? locale }, { address: await clientAddress() });
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
    await requestPasswordReset(input, { address: await clientAddress() });
    return { status: "success" };
  });
}

export async function resetPasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, "accounts.resetPassword", async (input) => {
    const locale = pageLocale(input);
    const user = await resetPassword(input);
    await startSession(user);
    redirect(`/${locale}/dashboard`);
  });
}
