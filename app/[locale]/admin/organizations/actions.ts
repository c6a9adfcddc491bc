"use server";

import { redirect } from "next/navigation";
import type { Command } from "@/lib/commands/run";
import type { FormState } from "@/lib/forms/state";
import { runCommandForm } from "@/lib/forms/command-action";
import { reinstateOrganization, rejectOrganization, suspendOrganization, verifyOrganization } from "@/lib/organizations/commands";
import { localeOr } from "@/i18n/routing";

/** The organization moves to another list: the queue says what happened at the top of the page. */
function review(formData: FormData, command: Command<unknown>, done: "verified" | "rejected" | "suspended" | "reinstated") {
  return runCommandForm(formData, command, (_result, input) => {
    redirect(`/${localeOr(input.locale)}/admin/organizations?done=${done}`);
  });
}

export async function verifyOrganizationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return review(formData, verifyOrganization, "verified");
}

export async function rejectOrganizationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return review(formData, rejectOrganization, "rejected");
}

export async function suspendOrganizationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return review(formData, suspendOrganization, "suspended");
}

export async function reinstateOrganizationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return review(formData, reinstateOrganization, "reinstated");
}
