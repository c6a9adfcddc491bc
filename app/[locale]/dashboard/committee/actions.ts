"use server";

import { redirect } from "next/navigation";
import { getCurrentActor } from "@/lib/auth/session";
import { runCommandForm } from "@/lib/forms/command-action";
import type { FormInput } from "@/lib/forms/run-action";
import { runFormAction } from "@/lib/forms/run-action";
import type { FormState } from "@/lib/forms/state";
import {
  confirmSlate,
  endorse,
  invite,
  nominate,
  removeEndorsement,
  select,
  setSelectionMode,
  unselect,
  withdraw,
} from "@/lib/nominations/commands";
import { localeOr } from "@/i18n/routing";

// Thin: each action runs one command (which checks everything and says what to refresh) and
// sends the browser back to the session's workspace with a notice (?done=…), so the result is
// the same with and without JavaScript. The session comes from the command's result, never
// from the form.

/** What the workspace says after an action (the notice in _components/notice.tsx). */
export type CommitteeDone =
  | "nominated"
  | "nominatedInvited"
  | "invited"
  | "endorsed"
  | "unendorsed"
  | "voted"
  | "selected"
  | "unselected"
  | "withdrawn"
  | "modeChanged"
  | "confirmed";

function finish(input: FormInput, sessionId: string, done: CommitteeDone, nominationId?: string): never {
  const anchor = nominationId ? `#nomination-${nominationId}` : "";
  redirect(`/${localeOr(input.locale)}/dashboard/committee/sessions/${sessionId}?done=${done}${anchor}`);
}

export async function nominateAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, nominate, (result, input) =>
    finish(input, result.sessionId, result.status === "INVITED" ? "nominatedInvited" : "nominated", result.id),
  );
}

export async function inviteAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, invite, (result, input) => finish(input, result.sessionId, "invited", result.id));
}

export async function endorseAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, endorse, (result, input) => finish(input, result.sessionId, "endorsed", result.nominationId));
}

export async function removeEndorsementAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, removeEndorsement, (result, input) => finish(input, result.sessionId, "unendorsed", result.nominationId));
}

export async function selectAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, select, (result, input) => finish(input, result.sessionId, result.selected ? "selected" : "voted", result.id));
}

export async function unselectAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, unselect, (result, input) => finish(input, result.sessionId, "unselected", result.id));
}

/** The committee's or staff's withdrawal (signed in, by nomination id). */
export async function withdrawAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, "nominations.withdraw", async (input) => {
    // Only the id: a token never comes through this form.
    const result = await withdraw(await getCurrentActor(), { nominationId: input.nominationId });
    finish(input, result.sessionId, "withdrawn", result.id);
  });
}

export async function setSelectionModeAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, setSelectionMode, (result, input) => finish(input, result.sessionId, "modeChanged"));
}

export async function confirmSlateAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, confirmSlate, (result, input) => finish(input, result.sessionId, "confirmed"));
}
