"use server";

import { redirect } from "next/navigation";
import { runCommandForm } from "@/lib/forms/command-action";
import type { FormInput } from "@/lib/forms/run-action";
import type { FormState } from "@/lib/forms/state";
import { askSessionQuestion, drawOnQuestion, moveQuestion, supportSessionQuestion, withdrawSessionQuestionSupport } from "@/lib/session-questions/commands";
import { localeOr } from "@/i18n/routing";

// Thin: each action runs the command (which checks everything) and sends the browser back to
// the session page at the question (?done=…), the same with and without JavaScript. The
// destination is built from the ids the command returned, never from the form.

/** What the questions section says after an action. */
export type QuestionDone = "asked" | "supported" | "unsupported" | "moved" | "drawnOn";

const back =
  (done: QuestionDone) =>
  (result: { sessionId: string; questionId: string }, input: FormInput): never =>
    redirect(`/${localeOr(input.locale)}/sessions/${result.sessionId}?done=${done}#question-${result.questionId}`);

export async function askQuestionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, askSessionQuestion, back("asked"));
}

export async function supportQuestionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, supportSessionQuestion, back("supported"));
}

export async function withdrawSupportAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, withdrawSessionQuestionSupport, back("unsupported"));
}

export async function moveQuestionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, moveQuestion, back("moved"));
}

export async function drawOnQuestionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, drawOnQuestion, back("drawnOn"));
}
