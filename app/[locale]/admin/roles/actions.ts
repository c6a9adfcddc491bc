"use server";

import type { FormState } from "@/lib/forms/state";
import { runCommandForm } from "@/lib/forms/command-action";
import { grantSiteRole, revokeSiteRole } from "@/lib/roles/commands";

export async function grantSiteRoleAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, grantSiteRole);
}

export async function revokeSiteRoleAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, revokeSiteRole);
}
