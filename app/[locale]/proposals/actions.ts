"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getCurrentActor } from "@/lib/auth/session";
import type { FormState } from "@/lib/forms/state";
import { runFormAction } from "@/lib/forms/run-action";
import {
  answerProposal,
  cosponsorProposal,
  createProposal,
  incorporateProposal,
  startProposalReview,
  submitProposal,
  updateProposal,
  withdrawCosponsorship,
  withdrawProposal,
} from "@/lib/proposals/commands";
import { defaultLocale, isLocale } from "@/i18n/routing";

// Thin: each action reads the actor fresh, calls the command (which checks everything) and
// sends the browser to the proposal page with a notice (?done=…), so the result is the same
// with and without JavaScript.

type Input = Record<string, string | string[]>;

const localeOf = (input: Input) => (isLocale(input.locale) ? input.locale : defaultLocale);

/** What the page says after the action; ProposalActions shows it (`done` prop). */
export type ProposalDone =
  | "saved"
  | "submitted"
  | "withdrawn"
  | "cosponsored"
  | "uncosponsored"
  | "reviewStarted"
  | "accepted"
  | "notRetained"
  | "incorporated";

function refresh() {
  revalidatePath("/[locale]/proposals", "layout");
  revalidatePath("/[locale]/dashboard", "layout");
  revalidatePath("/[locale]/transparency", "page");
}

/**
 * Back to the proposal page, or to the review desk when the form came from there
 * (hidden returnTo=desk). Nothing else is accepted as a destination.
 */
function finish(input: Input, proposalId: string, done: ProposalDone): never {
  const locale = localeOf(input);
  if (input.returnTo === "desk") redirect(`/${locale}/dashboard/proposals?done=${done}`);
  redirect(`/${locale}/proposals/${proposalId}?done=${done}`);
}

export async function createProposalAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, "proposals.create", async (input) => {
    const actor = await getCurrentActor();
    const proposal = await createProposal(actor, input);
    refresh();
    finish(input, proposal.id, "saved");
  });
}

export async function updateProposalAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, "proposals.update", async (input) => {
    const actor = await getCurrentActor();
    const proposal = await updateProposal(actor, input);
    refresh();
    finish(input, proposal.id, "saved");
  });
}

export async function submitProposalAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, "proposals.submit", async (input) => {
    const actor = await getCurrentActor();
    const proposal = await submitProposal(actor, input);
    refresh();
    finish(input, proposal.id, "submitted");
  });
}

export async function withdrawProposalAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, "proposals.withdraw", async (input) => {
    const actor = await getCurrentActor();
    const proposal = await withdrawProposal(actor, input);
    refresh();
    finish(input, proposal.id, "withdrawn");
  });
}

export async function startProposalReviewAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, "proposals.startReview", async (input) => {
    const actor = await getCurrentActor();
    const proposal = await startProposalReview(actor, input);
    refresh();
    finish(input, proposal.id, "reviewStarted");
  });
}

/** The form has two submit buttons, name="decision": value "accept" or "notRetain". */
export async function answerProposalAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, "proposals.answer", async (input) => {
    const actor = await getCurrentActor();
    const proposal = await answerProposal(actor, input);
    refresh();
    finish(input, proposal.id, proposal.status === "ACCEPTED" ? "accepted" : "notRetained");
  });
}

export async function incorporateProposalAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, "proposals.incorporate", async (input) => {
    const actor = await getCurrentActor();
    const proposal = await incorporateProposal(actor, input);
    refresh();
    finish(input, proposal.id, "incorporated");
  });
}

/** A second click finds the co-sponsorship already there: the same notice, nothing written. */
export async function cosponsorProposalAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, "proposals.cosponsor", async (input) => {
    const actor = await getCurrentActor();
    const result = await cosponsorProposal(actor, input);
    refresh();
    finish(input, result.proposalId, "cosponsored");
  });
}

export async function withdrawCosponsorshipAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, "proposals.uncosponsor", async (input) => {
    const actor = await getCurrentActor();
    const result = await withdrawCosponsorship(actor, input);
    refresh();
    finish(input, result.proposalId, "uncosponsored");
  });
}
