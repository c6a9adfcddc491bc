"use server";

import { getCurrentActor } from "@/lib/auth/session";
import type { FormState } from "@/lib/forms/state";
import { runFormAction } from "@/lib/forms/run-action";
import { withdraw } from "@/lib/nominations/commands";

/** A signed-in nominee withdraws their own nomination from their dashboard (the command checks it is theirs and refreshes the pages). */
export async function withdrawMyNominationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, "dashboard.withdrawNomination", async (input) => {
    // Only the id and the opt-out: a token never comes through this form.
    await withdraw(await getCurrentActor(), { nominationId: input.nominationId, optOut: input.optOut });
    return { status: "success" };
  });
}
