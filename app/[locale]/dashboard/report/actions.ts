"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getCurrentActor } from "@/lib/auth/session";
import type { FormState } from "@/lib/forms/state";
import { runFormAction } from "@/lib/forms/run-action";
import { addTranslation, closeVersion, createVersion, openVersion, publishFinal, updateDraft } from "@/lib/report/versions";
import { defaultLocale, isLocale } from "@/i18n/routing";

// Thin: each action reads the actor fresh, calls the command (which checks staff rights and
// every rule) and sends the browser back to the desk with a notice (?done=…#version-<n>).

type Input = Record<string, string | string[]>;

/** What the desk says after an action. */
export type ReportDeskDone = "created" | "updated" | "opened" | "closed" | "final" | "translated";

function finish(input: Input, done: ReportDeskDone, number: number): never {
  const locale = isLocale(input.locale) ? input.locale : defaultLocale;
  revalidatePath("/[locale]/report", "layout");
  revalidatePath("/[locale]/dashboard", "layout");
  revalidatePath("/[locale]/transparency", "page");
  redirect(`/${locale}/dashboard/report?done=${done}&version=${number}`);
}

export async function createVersionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, "report.createVersion", async (input) => {
    const version = await createVersion(await getCurrentActor(), input);
    finish(input, "created", version.number);
  });
}

export async function updateDraftAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, "report.updateDraft", async (input) => {
    const version = await updateDraft(await getCurrentActor(), input);
    finish(input, "updated", version.number);
  });
}

export async function openVersionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, "report.openVersion", async (input) => {
    const version = await openVersion(await getCurrentActor(), input);
    finish(input, "opened", version.number);
  });
}

export async function closeVersionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, "report.closeVersion", async (input) => {
    const version = await closeVersion(await getCurrentActor(), input);
    finish(input, "closed", version.number);
  });
}

export async function publishFinalAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, "report.publishFinal", async (input) => {
    const version = await publishFinal(await getCurrentActor(), input);
    finish(input, "final", version.number);
  });
}

export async function addTranslationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, "report.addTranslation", async (input) => {
    const translation = await addTranslation(await getCurrentActor(), input);
    const locale = isLocale(input.locale) ? input.locale : defaultLocale;
    revalidatePath("/[locale]/report", "layout");
    revalidatePath("/[locale]/transparency", "page");
    redirect(`/${locale}/dashboard/report?done=translated&language=${translation.language}`);
  });
}
