"use server";

import { redirect } from "next/navigation";
import type { FormState } from "@/lib/forms/state";
import { runCommandForm } from "@/lib/forms/command-action";
import type { FormInput } from "@/lib/forms/run-action";
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
import { localeOr } from "@/i18n/routing";

// Thin: each action runs the command (which checks everything and says which pages change) and
// sends the browser to the proposal page with a notice (?done=…), so the result is the same
// with and without JavaScript.

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

/**
 * Back to the proposal page, or to the review desk when the form came from there
 * (hidden returnTo=desk). Nothing else is accepted as a destination.
 */
const finish =
  (done: ProposalDone | ((result: { status: string }) => ProposalDone)) =>
  (result: { id: string; status: string }, input: FormInput): never => {
    const locale = localeOr(input.locale);
    const notice = typeof done === "function" ? done(result) : done;
    if (input.returnTo === "desk") redirect(`/${locale}/dashboard/proposals?done=${notice}`);
    redirect(`/${locale}/proposals/${result.id}?done=${notice}`);
  };

/** Co-sponsoring answers with the proposal's id, not the proposal. */
const finishCosponsor = (done: ProposalDone) => (result: { proposalId: string }, input: FormInput) =>
  finish(done)({ id: result.proposalId, status: "" }, input);

export async function createProposalAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, createProposal, finish("saved"));
}

export async function updateProposalAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, updateProposal, finish("saved"));
}

export async function submitProposalAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, submitProposal, finish("submitted"));
}

export async function withdrawProposalAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, withdrawProposal, finish("withdrawn"));
}

export async function startProposalReviewAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, startProposalReview, finish("reviewStarted"));
}

/** The form has two submit buttons, name="decision": value "accept" or "notRetain". */
export async function answerProposalAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, answerProposal, finish((proposal) => (proposal.status === "ACCEPTED" ? "accepted" : "notRetained")));
}

export async function incorporateProposalAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, incorporateProposal, finish("incorporated"));
}

/** A second click finds the co-sponsorship already there: the same notice, nothing written. */
export async function cosponsorProposalAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, cosponsorProposal, finishCosponsor("cosponsored"));
}

export async function withdrawCosponsorshipAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, withdrawCosponsorship, finishCosponsor("uncosponsored"));
}
