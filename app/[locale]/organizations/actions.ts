"use server";

import { redirect } from "next/navigation";
import type { FormState } from "@/lib/forms/state";
import { runCommandForm } from "@/lib/forms/command-action";
import { inviteMember, registerOrganization, removeMember, revokeInvitation } from "@/lib/organizations/commands";
import { localeOr } from "@/i18n/routing";

export async function registerOrganizationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, registerOrganization, (organization, input) => {
    redirect(`/${localeOr(input.locale)}/organizations/${organization.slug}?registered=1`);
  });
}

export async function inviteMemberAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, inviteMember, (result) =>
    // Saved but not mailed: the admin sees it in the pending list and can revoke and retry.
    result.emailSent ? { status: "success" } : { status: "error", message: { key: "organizations.inviteMailFailed" } },
  );
}

export async function revokeInvitationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, revokeInvitation);
}

export async function removeMemberAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, removeMember);
}
