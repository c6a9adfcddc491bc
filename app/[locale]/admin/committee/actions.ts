"use server";

import { revalidatePath } from "next/cache";
import { getCurrentActor } from "@/lib/auth/session";
import type { FormState } from "@/lib/forms/state";
import { runFormAction } from "@/lib/forms/run-action";
import { endCommitteeTerm, grantCommitteeTerm } from "@/lib/roles/commands";

function refresh() {
  revalidatePath("/[locale]/admin", "layout");
  revalidatePath("/[locale]/transparency", "page");
}

export async function grantCommitteeTermAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, "roles.grantCommitteeTerm", async (input) => {
    await grantCommitteeTerm(await getCurrentActor(), input);
    refresh();
    return { status: "success" };
  });
}

export async function endCommitteeTermAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, "roles.endCommitteeTerm", async (input) => {
    await endCommitteeTerm(await getCurrentActor(), input);
    refresh();
    return { status: "success" };
  });
}
