"use server";

import { revalidatePath } from "next/cache";
import { getCurrentActor } from "@/lib/auth/session";
import type { FormState } from "@/lib/forms/state";
import { runFormAction } from "@/lib/forms/run-action";
import { grantSiteRole, revokeSiteRole } from "@/lib/roles/commands";

function refresh() {
  revalidatePath("/[locale]/admin", "layout");
  revalidatePath("/[locale]/transparency", "page");
}

export async function grantSiteRoleAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, "roles.grantSiteRole", async (input) => {
    await grantSiteRole(await getCurrentActor(), input);
    refresh();
    return { status: "success" };
  });
}

export async function revokeSiteRoleAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, "roles.revokeSiteRole", async (input) => {
    await revokeSiteRole(await getCurrentActor(), input);
    refresh();
    return { status: "success" };
  });
}
