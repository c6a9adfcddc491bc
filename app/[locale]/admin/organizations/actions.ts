"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getCurrentActor } from "@/lib/auth/session";
import type { FormState } from "@/lib/forms/state";
import { runFormAction } from "@/lib/forms/run-action";
import { reinstateOrganization, rejectOrganization, suspendOrganization, verifyOrganization } from "@/lib/organizations/commands";
import type { Actor } from "@/lib/auth/actor";
import { defaultLocale, isLocale } from "@/i18n/routing";

type Command = (actor: Actor | null, raw: unknown) => Promise<unknown>;

/** Every review decision changes the queue, the directory and the organization's page. */
function reviewAction(done: "verified" | "rejected" | "suspended" | "reinstated", command: Command) {
  return async (formData: FormData): Promise<FormState> =>
    runFormAction(formData, `organizations.${done}`, async (input) => {
      const actor = await getCurrentActor();
      await command(actor, input);
      revalidatePath("/[locale]/admin/organizations", "page");
      revalidatePath("/[locale]/organizations", "page");
      revalidatePath("/[locale]/organizations/[slug]", "page");
      // The organization moves to another list: say what happened at the top of the page.
      const locale = isLocale(input.locale) ? input.locale : defaultLocale;
      redirect(`/${locale}/admin/organizations?done=${done}`);
    });
}

const verify = reviewAction("verified", verifyOrganization);
const reject = reviewAction("rejected", rejectOrganization);
const suspend = reviewAction("suspended", suspendOrganization);
const reinstate = reviewAction("reinstated", reinstateOrganization);

export async function verifyOrganizationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return verify(formData);
}

export async function rejectOrganizationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return reject(formData);
}

export async function suspendOrganizationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return suspend(formData);
}

export async function reinstateOrganizationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return reinstate(formData);
}
