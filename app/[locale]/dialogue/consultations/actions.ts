"use server";

import { redirect } from "next/navigation";
import { getCurrentActor } from "@/lib/auth/session";
import {
  closeConsultation,
  contribute,
  createConsultation,
  openConsultation,
  postConsultationUpdate,
  publishSynthesis,
  supportContribution,
  updateConsultation,
  withdrawContributionSupport,
} from "@/lib/consultations/commands";
import { proposalDraftFrom } from "@/lib/consultations/queries";
import { runCommandForm } from "@/lib/forms/command-action";
import type { FormInput } from "@/lib/forms/run-action";
import type { FormState } from "@/lib/forms/state";
import { createProposal } from "@/lib/proposals/commands";
import { localeOr } from "@/i18n/routing";

// Thin: each action runs its command and sends the browser to the page that shows the change,
// with a notice (?done=…). Destinations are built from the command's result, never from the form.

export type ConsultationDone = "created" | "saved" | "opened" | "closed" | "contributed" | "supported" | "unsupported" | "updated" | "synthesized";

const toPage = (done: ConsultationDone, anchor = "") => (result: { id?: string; consultationId?: string }, input: FormInput): never =>
  redirect(`/${localeOr(input.locale)}/dialogue/consultations/${result.consultationId ?? result.id}?done=${done}${anchor}`);
const toDesk = (done: ConsultationDone) => (result: { id: string }, input: FormInput): never =>
  redirect(`/${localeOr(input.locale)}/dialogue/consultations/${result.id}/manage?done=${done}`);

export async function createConsultationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, createConsultation, toDesk("created"));
}

export async function updateConsultationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, updateConsultation, toDesk("saved"));
}

export async function openConsultationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, openConsultation, toDesk("opened"));
}

export async function closeConsultationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, closeConsultation, toDesk("closed"));
}

export async function publishSynthesisAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, publishSynthesis, toPage("synthesized", "#synthesis"));
}

export async function postUpdateAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, postConsultationUpdate, toPage("updated", "#updates"));
}

export async function contributeAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, contribute, (result, input) => toPage("contributed", `#c-${result.id}`)(result, input));
}

export async function supportContributionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, supportContribution, (result, input) => toPage("supported", `#c-${result.contributionId}`)(result, input));
}

export async function withdrawContributionSupportAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, withdrawContributionSupport, (result, input) => toPage("unsupported", `#c-${result.contributionId}`)(result, input));
}

/**
 * A contribution becomes a draft proposal in one step: lib/proposals' create command with the
 * contribution's text, language and the consultation's objectives read here from the database
 * (the author's own, named contribution only), and the link; the author goes on to edit it.
 */
export async function convertContributionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const source = await proposalDraftFrom(String(formData.get("sourceContributionId") ?? ""), await getCurrentActor());
  if (source) {
    formData.set("body", source.body);
    formData.set("summary", source.summary);
    formData.set("language", source.language);
    formData.delete("objectives");
    for (const n of source.objectives) formData.append("objectives", String(n));
  }
  return runCommandForm(formData, createProposal, (result, input) => redirect(`/${localeOr(input.locale)}/proposals/${result.id}/edit`));
}
