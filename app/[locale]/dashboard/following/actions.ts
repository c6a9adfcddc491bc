"use server";

import { redirect } from "next/navigation";
import { localeOr } from "@/i18n/routing";
import { follow, unfollow } from "@/lib/follows/commands";
import { runCommandForm } from "@/lib/forms/command-action";
import type { FormInput } from "@/lib/forms/run-action";
import type { FormState } from "@/lib/forms/state";
import { commitmentHref } from "@/lib/notifications/kinds";

// Thin: the command checks everything; the browser goes back to the page the button was on,
// built here from the followed item's subject and key, never from a path in the form.

const ITEM_PAGES: Record<string, (key: string, input: FormInput) => string> = {
  COUNTRY: (key) => `/champions/${key.toLowerCase()}`,
  COMMITMENT: (key, input) => commitmentHref(key, input.kind === "recommendation"),
  PROPOSAL: (key) => `/proposals/${key}`,
  SESSION: (key) => `/sessions/${key}`,
  CONSULTATION: (key) => `/dialogue/consultations/${key}`,
};

function back(result: { subject: string; key: string }, input: FormInput): never {
  const locale = localeOr(input.locale);
  if (input.back === "following") redirect(`/${locale}/dashboard/following`);
  redirect(`/${locale}${ITEM_PAGES[result.subject](result.key, input)}#follow`);
}

export async function followAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, follow, back);
}

export async function unfollowAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, unfollow, back);
}
