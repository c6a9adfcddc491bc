"use server";

import { redirect } from "next/navigation";
import { runCommandForm } from "@/lib/forms/command-action";
import type { FormState } from "@/lib/forms/state";
import { answerQuestion, askQuestion, editDelegateProfile, requestDisclosure, supportQuestion, withdrawQuestionSupport } from "@/lib/dialogue/commands";
import { localeOr } from "@/i18n/routing";

// Thin: each action runs its command and sends the browser to the page that shows the change,
// with a notice (?done=…). Destinations are built from the command's result, never from the form.

export type DialogueDone = "asked" | "supported" | "unsupported" | "answered" | "profileSaved" | "disclosed";

const questionPath = (locale: unknown, id: string, done: DialogueDone) => `/${localeOr(locale)}/dialogue/questions/${id}?done=${done}`;

export async function askQuestionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, askQuestion, (result, input) => redirect(questionPath(input.locale, result.id, "asked")));
}

export async function supportQuestionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, supportQuestion, (result, input) => redirect(questionPath(input.locale, result.questionId, "supported")));
}

export async function withdrawQuestionSupportAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, withdrawQuestionSupport, (result, input) => redirect(questionPath(input.locale, result.questionId, "unsupported")));
}

export async function answerQuestionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, answerQuestion, (result, input) => redirect(questionPath(input.locale, result.id, "answered")));
}

export async function editDelegateProfileAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, editDelegateProfile, (_result, input) => redirect(`/${localeOr(input.locale)}/dialogue/delegates?done=profileSaved`));
}

export async function requestDisclosureAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, requestDisclosure, (_result, input) => redirect(`/${localeOr(input.locale)}/dialogue/pseudonyms?done=disclosed`));
}
