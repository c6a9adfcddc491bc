"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getCurrentActor } from "@/lib/auth/session";
import type { FormState } from "@/lib/forms/state";
import { runFormAction } from "@/lib/forms/run-action";
import { cancelRegistration, registerForSession, updateRegistration } from "@/lib/sessions/commands";
import { defaultLocale, isLocale } from "@/i18n/routing";

// Thin: each action reads the actor fresh, calls the command (which checks everything) and
// sends the browser back to the session page with a notice (?done=…), the same with and
// without JavaScript.

type Input = Record<string, string | string[]>;

/** What the session page says after a registration action. */
export type RegistrationDone = "registered" | "registrationUpdated" | "registrationCancelled";

function finish(input: Input, sessionId: string, done: RegistrationDone): never {
  const locale = isLocale(input.locale) ? input.locale : defaultLocale;
  revalidatePath("/[locale]/sessions", "layout");
  revalidatePath("/[locale]/dashboard/sessions", "layout");
  redirect(`/${locale}/sessions/${sessionId}?done=${done}#registration`);
}

export async function registerForSessionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, "sessions.register", async (input) => {
    const result = await registerForSession(await getCurrentActor(), input);
    finish(input, result.sessionId, "registered");
  });
}

export async function updateRegistrationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, "sessions.updateRegistration", async (input) => {
    const result = await updateRegistration(await getCurrentActor(), input);
    finish(input, result.sessionId, "registrationUpdated");
  });
}

export async function cancelRegistrationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, "sessions.cancelRegistration", async (input) => {
    const result = await cancelRegistration(await getCurrentActor(), input);
    finish(input, result.sessionId, "registrationCancelled");
  });
}
