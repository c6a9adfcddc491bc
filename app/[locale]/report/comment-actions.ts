"use server";

import { redirect } from "next/navigation";
import type { FormState } from "@/lib/forms/state";
import { runCommandForm } from "@/lib/forms/command-action";
import type { FormInput } from "@/lib/forms/run-action";
import { giveDisposition, linkParagraphProposal, postComment, unlinkParagraphProposal } from "@/lib/report/commands";
import { localeOr } from "@/i18n/routing";

// The forms of components/report/comments/**. Each comes back to the paragraph on the version
// page (/[locale]/report/versions/[n]#<anchor>) with a ?done= notice the page shows; the
// commands refresh the pages they changed.

export type CommentDone = "commented" | "answered" | "linked" | "unlinked";

const backToParagraph =
  (done: CommentDone) =>
  (result: { versionNumber: number; anchor: string }, input: FormInput): never =>
    redirect(`/${localeOr(input.locale)}/report/versions/${result.versionNumber}?done=${done}#${encodeURIComponent(result.anchor)}`);

/** A comment on a paragraph, optionally with replacement text. */
export async function postCommentAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, postComment, backToParagraph("commented"));
}

/** Staff: a comment's disposition and public answer. */
export async function giveDispositionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, giveDisposition, backToParagraph("answered"));
}

/** Staff: the paragraph takes up a proposal. */
export async function linkProposalAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, linkParagraphProposal, backToParagraph("linked"));
}

/** Staff: a link made by mistake is removed. */
export async function unlinkProposalAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, unlinkParagraphProposal, backToParagraph("unlinked"));
}
