"use server";

import { redirect } from "next/navigation";
import type { FormState } from "@/lib/forms/state";
import { runCommandForm } from "@/lib/forms/command-action";
import type { FormInput } from "@/lib/forms/run-action";
import { createSession, markSessionHeld, openSession, publishSessionSummary, updateSession } from "@/lib/sessions/commands";
import { localeOr } from "@/i18n/routing";

// Thin: each action runs the command (which checks staff rights and every rule, and refreshes
// the pages it changed) and sends the browser to the session's desk page with a notice (?done=…).

/** What the desk page says after an action. */
export type SessionDeskDone = "created" | "updated" | "opened" | "held" | "summaryPublished";

function finish(input: FormInput, sessionId: string, done: SessionDeskDone): never {
  redirect(`/${localeOr(input.locale)}/dashboard/sessions/${sessionId}?done=${done}`);
}

export async function createSessionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, createSession, (session, input) => finish(input, session.id, "created"));
}

export async function updateSessionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, updateSession, (session, input) => finish(input, session.id, "updated"));
}

export async function openSessionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, openSession, (session, input) => finish(input, session.id, "opened"));
}

export async function markSessionHeldAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, markSessionHeld, (session, input) => finish(input, session.id, "held"));
}

export async function publishSessionSummaryAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, publishSessionSummary, (session, input) => finish(input, session.id, "summaryPublished"));
}
