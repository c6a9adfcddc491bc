"use server";

import type { FormState } from "@/lib/forms/state";
import { runCommandForm } from "@/lib/forms/command-action";
import {
  approveSummary,
  assignCase,
  changeCaseStatus,
  lockCase,
  messageReporter,
  publishSummary,
  referCase,
  releaseCase,
  submitSummary,
  withdrawSummary,
  writeSummary,
} from "@/lib/monitoring/commands";

// One action per reviewer command; the command decides everything (lib/monitoring/policy.ts).

export async function assignCaseAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, assignCase);
}
export async function lockCaseAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, lockCase);
}
export async function releaseCaseAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, releaseCase);
}
export async function changeCaseStatusAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, changeCaseStatus);
}
export async function referCaseAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, referCase);
}
export async function messageReporterAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, messageReporter);
}
export async function writeSummaryAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, writeSummary);
}
export async function submitSummaryAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, submitSummary);
}
export async function approveSummaryAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, approveSummary);
}
export async function publishSummaryAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, publishSummary);
}
export async function withdrawSummaryAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, withdrawSummary);
}
