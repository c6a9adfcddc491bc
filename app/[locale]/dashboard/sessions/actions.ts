"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getCurrentActor } from "@/lib/auth/session";
import type { FormState } from "@/lib/forms/state";
import { runFormAction } from "@/lib/forms/run-action";
import { createSession, markSessionHeld, openSession, publishSessionSummary, updateSession } from "@/lib/sessions/commands";
import { defaultLocale, isLocale } from "@/i18n/routing";

// Thin: each action reads the actor fresh, calls the command (which checks staff rights and
// every rule) and sends the browser to the session's desk page with a notice (?done=…).

type Input = Record<string, string | string[]>;

/** What the desk page says after an action. */
export type SessionDeskDone = "created" | "updated" | "opened" | "held" | "summaryPublished";

function finish(input: Input, sessionId: string, done: SessionDeskDone): never {
  const locale = isLocale(input.locale) ? input.locale : defaultLocale;
  revalidatePath("/[locale]/sessions", "layout");
  revalidatePath("/[locale]/dashboard", "layout");
  revalidatePath("/[locale]/transparency", "page");
  redirect(`/${locale}/dashboard/sessions/${sessionId}?done=${done}`);
}

export async function createSessionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, "sessions.create", async (input) => {
    const session = await createSession(await getCurrentActor(), input);
    finish(input, session.id, "created");
  });
}

export async function updateSessionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, "sessions.update", async (input) => {
    const session = await updateSession(await getCurrentActor(), input);
    finish(input, session.id, "updated");
  });
}

export async function openSessionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, "sessions.open", async (input) => {
    const session = await openSession(await getCurrentActor(), input);
    finish(input, session.id, "opened");
  });
}

export async function markSessionHeldAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, "sessions.markHeld", async (input) => {
    const session = await markSessionHeld(await getCurrentActor(), input);
    finish(input, session.id, "held");
  });
}

export async function publishSessionSummaryAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, "sessions.publishSummary", async (input) => {
    const session = await publishSessionSummary(await getCurrentActor(), input);
    finish(input, session.id, "summaryPublished");
  });
}
