"use server";

import { redirect } from "next/navigation";
import type { FormState } from "@/lib/forms/state";
import { runCommandForm } from "@/lib/forms/command-action";
import { addComment } from "@/lib/proposals/commands";
import { localeOr } from "@/i18n/routing";

/** A new comment or reply; the page comes back at the comment, so the author sees it in place. */
export async function addCommentAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, addComment, (comment, input) => {
    redirect(`/${localeOr(input.locale)}/proposals/${comment.proposalId}#comment-${comment.id}`);
  });
}
