"use server";

import { redirect } from "next/navigation";
import { runCommandForm } from "@/lib/forms/command-action";
import type { FormInput } from "@/lib/forms/run-action";
import type { FormState } from "@/lib/forms/state";
import {
  acceptSuggestion,
  addChampionTerm,
  assessCommitment,
  createInitiative,
  declineSuggestion,
  editCommitment,
  endChampionTerm,
  hideAssessment,
  markRecommendation,
  postCommitmentUpdate,
  suggestInitiative,
  unhideAssessment,
} from "@/lib/champions/commands";
import { localeOr } from "@/i18n/routing";
import { follow, unfollow } from "@/lib/follows/commands";

// Thin: each action runs the command (which checks everything) and sends the browser to the
// page the change shows on, with a notice (?done=…), so the result is the same with and
// without JavaScript. Destinations are built here from ids, never taken from the form.

/** What the pages say after an action (the `done` query value). */
export type ChampionDone =
  | "created"
  | "saved"
  | "updatePosted"
  | "marked"
  | "assessed"
  | "hidden"
  | "unhidden"
  | "suggested"
  | "accepted"
  | "declined"
  | "termAdded"
  | "termEnded"
  | "followed"
  | "unfollowed";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An initiative's page, or a recommendation's when the form says so (hidden field kind=recommendation). */
function commitmentPath(input: FormInput, id: unknown): string {
  const locale = localeOr(input.locale);
  const safeId = typeof id === "string" && UUID.test(id) ? id : null;
  if (!safeId) return `/${locale}/champions`;
  return input.kind === "recommendation" ? `/${locale}/report/follow-up/${safeId}` : `/${locale}/champions/initiatives/${safeId}`;
}

const toCommitment =
  (done: ChampionDone, idOf: (result: unknown, input: FormInput) => unknown = (_r, input) => input.commitmentId) =>
  (result: unknown, input: FormInput): never =>
    redirect(`${commitmentPath(input, idOf(result, input))}?done=${done}`);

const toManage = (done: ChampionDone) => (_result: unknown, input: FormInput): never => redirect(`/${localeOr(input.locale)}/champions/manage?done=${done}`);

export async function createInitiativeAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, createInitiative, (result, input) => redirect(`${commitmentPath(input, result.id)}?done=created`));
}

export async function editCommitmentAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, editCommitment, toCommitment("saved"));
}

export async function postCommitmentUpdateAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, postCommitmentUpdate, toCommitment("updatePosted"));
}

export async function markRecommendationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, markRecommendation, (result, input) => redirect(`${commitmentPath({ ...input, kind: "recommendation" }, result.id)}?done=marked`));
}

export async function assessCommitmentAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, assessCommitment, toCommitment("assessed"));
}

export async function hideAssessmentAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, hideAssessment, toCommitment("hidden"));
}

export async function unhideAssessmentAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, unhideAssessment, toCommitment("unhidden"));
}

export async function suggestInitiativeAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, suggestInitiative, (_result, input) => redirect(`/${localeOr(input.locale)}/champions/suggest?done=suggested`));
}

export async function acceptSuggestionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, acceptSuggestion, toManage("accepted"));
}

export async function declineSuggestionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, declineSuggestion, toManage("declined"));
}

export async function addChampionTermAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, addChampionTerm, toManage("termAdded"));
}

export async function endChampionTermAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, endChampionTerm, toManage("termEnded"));
}

/** Back to the followed page: a country's (key = its code) or a commitment's. */
function followed(done: ChampionDone) {
  return (result: { subject: string; key: string }, input: FormInput): never => {
    if (result.subject === "COUNTRY") redirect(`/${localeOr(input.locale)}/champions/${result.key.toLowerCase()}?done=${done}`);
    redirect(`${commitmentPath(input, result.key)}?done=${done}`);
  };
}

export async function followAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, follow, followed("followed"));
}

export async function unfollowAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, unfollow, followed("unfollowed"));
}
