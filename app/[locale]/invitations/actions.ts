"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getCurrentActor } from "@/lib/auth/session";
import type { FormState } from "@/lib/forms/state";
import { runFormAction } from "@/lib/forms/run-action";
import { acceptInvitation } from "@/lib/organizations/commands";
import { defaultLocale, isLocale } from "@/i18n/routing";

export async function acceptInvitationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, "organizations.acceptInvitation", async (input) => {
    const actor = await getCurrentActor();
    const joined = await acceptInvitation(actor, input);
    const locale = isLocale(input.locale) ? input.locale : defaultLocale;
    revalidatePath("/[locale]/organizations/[slug]", "page");
    redirect(`/${locale}/organizations/${joined.organizationSlug}?joined=1`);
  });
}
