"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getCurrentActor } from "@/lib/auth/session";
import type { FormState } from "@/lib/forms/state";
import { runFormAction } from "@/lib/forms/run-action";
import { addComment, hideComment } from "@/lib/proposals/comments";
import { defaultLocale, isLocale } from "@/i18n/routing";

const localeOf = (input: Record<string, string | string[]>) => (isLocale(input.locale) ? input.locale : defaultLocale);

/** A new comment or reply; the page comes back at the comment, so the author sees it in place. */
export async function addCommentAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, "proposals.comment", async (input) => {
    const actor = await getCurrentActor();
    const comment = await addComment(actor, input);
    revalidatePath("/[locale]/proposals/[id]", "page");
    redirect(`/${localeOf(input)}/proposals/${comment.proposalId}#comment-${comment.id}`);
  });
}

/** Staff hide a comment with a reason; the reason takes the text's place. */
export async function hideCommentAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, "proposals.hideComment", async (input) => {
    const actor = await getCurrentActor();
    const hidden = await hideComment(actor, input);
    revalidatePath("/[locale]/proposals/[id]", "page");
    revalidatePath("/[locale]/transparency", "page");
    redirect(`/${localeOf(input)}/proposals/${hidden.proposalId}#comment-${hidden.id}`);
  });
}
