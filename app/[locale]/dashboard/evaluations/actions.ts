"use server";

import { redirect } from "next/navigation";
import { addQuestion, closeEvaluation, createEvaluation, openEvaluation, removeQuestion, updateEvaluation, updateQuestion } from "@/lib/evaluations/commands";
import { runCommandForm } from "@/lib/forms/command-action";
import type { FormInput } from "@/lib/forms/run-action";
import type { FormState } from "@/lib/forms/state";
import { localeOr } from "@/i18n/routing";

// Thin: each action runs the command (which checks everything) and sends the browser back to the
// evaluation's desk with a notice (?done=…). Destinations are built from the commands' results.

export type EvaluationDone = "created" | "saved" | "questionAdded" | "questionSaved" | "questionRemoved" | "opened" | "closed";

const toDesk = (done: EvaluationDone) => (result: { id?: string; evaluationId?: string }, input: FormInput): never =>
  redirect(`/${localeOr(input.locale)}/dashboard/evaluations/${result.evaluationId ?? result.id}?done=${done}`);

export async function createEvaluationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, createEvaluation, toDesk("created"));
}

export async function updateEvaluationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, updateEvaluation, toDesk("saved"));
}

export async function addQuestionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, addQuestion, toDesk("questionAdded"));
}

export async function updateQuestionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, updateQuestion, toDesk("questionSaved"));
}

export async function removeQuestionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, removeQuestion, toDesk("questionRemoved"));
}

export async function openEvaluationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, openEvaluation, toDesk("opened"));
}

export async function closeEvaluationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, closeEvaluation, toDesk("closed"));
}
