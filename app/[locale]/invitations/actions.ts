"use server";

import { redirect } from "next/navigation";
import type { FormState } from "@/lib/forms/state";
import { runCommandForm } from "@/lib/forms/command-action";
import { acceptInvitation } from "@/lib/organizations/commands";
import { localeOr } from "@/i18n/routing";

export async function acceptInvitationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, acceptInvitation, (joined, input) => {
    redirect(`/${localeOr(input.locale)}/organizations/${joined.organizationSlug}?joined=1`);
  });
}
