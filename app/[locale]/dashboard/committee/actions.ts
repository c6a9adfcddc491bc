"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getCurrentActor } from "@/lib/auth/session";
import type { FormState } from "@/lib/forms/state";
import { runFormAction } from "@/lib/forms/run-action";
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
import { defaultLocale, isLocale } from "@/i18n/routing";

// Thin: each action reads the actor fresh, calls the command (which checks everything) and
// sends the browser back to the session's workspace with a notice (?done=…), so the result is
// the same with and without JavaScript. The session comes from the command's result, never
// from the form.

type Input = Record<string, string | string[]>;

const localeOf = (input: Input) => (isLocale(input.locale) ? input.locale : defaultLocale);

/** What the workspace says after an action (components/nominations/notice.tsx). */
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

function refresh() {
  revalidatePath("/[locale]/dashboard", "layout");
  revalidatePath("/[locale]/sessions", "layout");
  revalidatePath("/[locale]/transparency", "page");
}

function finish(input: Input, sessionId: string, done: CommitteeDone, nominationId?: string): never {
  refresh();
  const anchor = nominationId ? `#nomination-${nominationId}` : "";
  redirect(`/${localeOf(input)}/dashboard/committee/sessions/${sessionId}?done=${done}${anchor}`);
}

export async function nominateAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, "nominations.nominate", async (input) => {
    const result = await nominate(await getCurrentActor(), input);
    finish(input, result.sessionId, result.status === "INVITED" ? "nominatedInvited" : "nominated", result.id);
  });
}

export async function inviteAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, "nominations.invite", async (input) => {
    const result = await invite(await getCurrentActor(), input);
    finish(input, result.sessionId, "invited", result.id);
  });
}

export async function endorseAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, "nominations.endorse", async (input) => {
    const result = await endorse(await getCurrentActor(), input);
    finish(input, result.sessionId, "endorsed", result.nominationId);
  });
}

export async function removeEndorsementAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, "nominations.removeEndorsement", async (input) => {
    const result = await removeEndorsement(await getCurrentActor(), input);
    finish(input, result.sessionId, "unendorsed", result.nominationId);
  });
}

export async function selectAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, "nominations.select", async (input) => {
    const result = await select(await getCurrentActor(), input);
    finish(input, result.sessionId, result.selected ? "selected" : "voted", result.id);
  });
}

export async function unselectAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, "nominations.unselect", async (input) => {
    const result = await unselect(await getCurrentActor(), input);
    finish(input, result.sessionId, "unselected", result.id);
  });
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
  return runFormAction(formData, "nominations.setSelectionMode", async (input) => {
    const result = await setSelectionMode(await getCurrentActor(), input);
    finish(input, result.sessionId, "modeChanged");
  });
}

export async function confirmSlateAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, "nominations.confirmSlate", async (input) => {
    const result = await confirmSlate(await getCurrentActor(), input);
    finish(input, result.sessionId, "confirmed");
  });
}
