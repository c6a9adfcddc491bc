"use server";

import { redirect } from "next/navigation";
import { runCommandForm } from "@/lib/forms/command-action";
import { runFormAction } from "@/lib/forms/run-action";
import type { FormState } from "@/lib/forms/state";
import { respondToInvitation, withdraw } from "@/lib/nominations/commands";
import { localeOr } from "@/i18n/routing";

// The nominee's answers through their personal link: no account, no session. The link is the
// credential; once used it no longer works, so the answer ends on a thank-you page.

export async function respondAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, respondToInvitation, (result, input) =>
    redirect(`/${localeOr(input.locale)}/nominations/thanks?r=${result.status === "ACCEPTED" ? "accepted" : "declined"}`),
  );
}

export async function withdrawWithLinkAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, "nominations.withdrawWithLink", async (input) => {
    // Only the token: this form never names a nomination, and the account plays no part.
    await withdraw(null, { token: input.token, optOut: input.optOut });
    redirect(`/${localeOr(input.locale)}/nominations/thanks?r=withdrawn`);
  });
}
