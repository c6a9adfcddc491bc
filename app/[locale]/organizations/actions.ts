"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getCurrentActor } from "@/lib/auth/session";
import type { FormState } from "@/lib/forms/state";
import { runFormAction } from "@/lib/forms/run-action";
import { inviteMember, registerOrganization, removeMember, revokeInvitation } from "@/lib/organizations/commands";
import { defaultLocale, isLocale } from "@/i18n/routing";

const localeOf = (input: Record<string, string | string[]>) => (isLocale(input.locale) ? input.locale : defaultLocale);

export async function registerOrganizationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, "organizations.register", async (input) => {
    const actor = await getCurrentActor();
    const organization = await registerOrganization(actor, input);
    revalidatePath("/[locale]/admin/organizations", "page");
    redirect(`/${localeOf(input)}/organizations/${organization.slug}?registered=1`);
  });
}

export async function inviteMemberAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, "organizations.invite", async (input) => {
    const actor = await getCurrentActor();
    const result = await inviteMember(actor, input);
    revalidatePath("/[locale]/organizations/[slug]", "page");
    // Saved but not mailed: the admin sees it in the pending list and can revoke and retry.
    if (!result.emailSent) return { status: "error", message: { key: "organizations.inviteMailFailed" } };
    return { status: "success" };
  });
}

export async function revokeInvitationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, "organizations.revokeInvitation", async (input) => {
    const actor = await getCurrentActor();
    await revokeInvitation(actor, input);
    revalidatePath("/[locale]/organizations/[slug]", "page");
    return { status: "success" };
  });
}

export async function removeMemberAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, "organizations.removeMember", async (input) => {
    const actor = await getCurrentActor();
    await removeMember(actor, input);
    revalidatePath("/[locale]/organizations/[slug]", "page");
    return { status: "success" };
  });
}
