"use server";

import { revalidatePath } from "next/cache";
import { getCurrentActor } from "@/lib/auth/session";
import type { FormState } from "@/lib/forms/state";
import { runFormAction } from "@/lib/forms/run-action";
import { withdraw } from "@/lib/nominations/commands";

/** A signed-in nominee withdraws their own nomination from their dashboard (the command checks it is theirs). */
export async function withdrawMyNominationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, "dashboard.withdrawNomination", async (input) => {
    const actor = await getCurrentActor();
    await withdraw(actor, { nominationId: input.nominationId, optOut: input.optOut });
    revalidatePath("/[locale]/dashboard", "page");
    return { status: "success" };
  });
}
