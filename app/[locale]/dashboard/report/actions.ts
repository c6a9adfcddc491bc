"use server";

import { redirect } from "next/navigation";
import type { FormState } from "@/lib/forms/state";
import { runCommandForm } from "@/lib/forms/command-action";
import type { FormInput } from "@/lib/forms/run-action";
import { addTranslation, closeVersion, createVersion, openVersion, publishFinal, updateDraft } from "@/lib/report/commands";
import { localeOr } from "@/i18n/routing";

// Thin: each action runs its command (which checks staff rights and every rule, and refreshes
// the pages it changed) and sends the browser back to the desk with a notice (?done=…&version=<n>).

/** What the desk says after an action. */
export type ReportDeskDone = "created" | "updated" | "opened" | "closed" | "final" | "translated";

const backToDesk =
  (done: ReportDeskDone) =>
  (version: { number: number }, input: FormInput): never =>
    redirect(`/${localeOr(input.locale)}/dashboard/report?done=${done}&version=${version.number}`);

export async function createVersionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, createVersion, backToDesk("created"));
}

export async function updateDraftAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, updateDraft, backToDesk("updated"));
}

export async function openVersionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, openVersion, backToDesk("opened"));
}

export async function closeVersionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, closeVersion, backToDesk("closed"));
}

export async function publishFinalAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, publishFinal, backToDesk("final"));
}

export async function addTranslationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, addTranslation, (translation, input) =>
    redirect(`/${localeOr(input.locale)}/dashboard/report?done=translated&language=${translation.language}`),
  );
}
