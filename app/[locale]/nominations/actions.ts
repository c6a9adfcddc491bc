"use server";

import { redirect } from "next/navigation";
import type { FormState } from "@/lib/forms/state";
import { runFormAction } from "@/lib/forms/run-action";
import { respondToInvitation, withdraw } from "@/lib/nominations/commands";
import { defaultLocale, isLocale } from "@/i18n/routing";

// The nominee's answers through their personal link: no account, no session. The link is the
// credential; once used it no longer works, so the answer ends on a thank-you page.

type Input = Record<string, string | string[]>;
const localeOf = (input: Input) => (isLocale(input.locale) ? input.locale : defaultLocale);

export async function respondAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, "nominations.respond", async (input) => {
    const result = await respondToInvitation(null, input);
    redirect(`/${localeOf(input)}/nominations/thanks?r=${result.status === "ACCEPTED" ? "accepted" : "declined"}`);
  });
}

export async function withdrawWithLinkAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, "nominations.withdrawWithLink", async (input) => {
    // Only the token: this form never names a nomination.
    await withdraw(null, { token: input.token, optOut: input.optOut });
    redirect(`/${localeOf(input)}/nominations/thanks?r=withdrawn`);
  });
}
