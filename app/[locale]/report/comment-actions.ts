"use server";

import { redirect } from "next/navigation";
import type { FormState } from "@/lib/forms/state";
import { runCommandForm } from "@/lib/forms/command-action";
import type { FormInput } from "@/lib/forms/run-action";
import { giveDisposition, linkParagraphProposal, postComment, unlinkParagraphProposal } from "@/lib/report/commands";
import { localeOr } from "@/i18n/routing";

// The forms of a paragraph's page (/[locale]/report/versions/[n]/paragraphs/[anchor]). Each comes
// back to that page with a ?done= notice it shows: a new comment on its last page, an answer on
// the page the form was on (its hidden `page`). The commands refresh the pages they changed.

export type CommentDone = "commented" | "answered" | "linked" | "unlinked";

const paragraphPage = (input: FormInput, result: { versionNumber: number; anchor: string }) =>
  `/${localeOr(input.locale)}/report/versions/${result.versionNumber}/paragraphs/${encodeURIComponent(result.anchor)}`;

const pageOf = (input: FormInput) => (typeof input.page === "string" && /^\d{1,5}$/.test(input.page) ? `&page=${input.page}` : "");

const backToParagraph =
  (done: CommentDone) =>
  (result: { versionNumber: number; anchor: string }, input: FormInput): never =>
    redirect(`${paragraphPage(input, result)}?done=${done}${pageOf(input)}#${encodeURIComponent(result.anchor)}`);

/** A comment on a paragraph, optionally with replacement text. */
export async function postCommentAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, postComment, (result, input) =>
    redirect(`${paragraphPage(input, result)}?done=commented&page=last#report-comment-${result.id}`),
  );
}

/** Staff: a comment's disposition and public answer. */
export async function giveDispositionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, giveDisposition, (result, input) =>
    redirect(`${paragraphPage(input, result)}?done=answered${pageOf(input)}#report-comment-${result.commentId}`),
  );
}

/** Staff: the paragraph takes up a proposal. */
export async function linkProposalAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, linkParagraphProposal, backToParagraph("linked"));
}

/** Staff: a link made by mistake is removed. */
export async function unlinkProposalAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, unlinkParagraphProposal, backToParagraph("unlinked"));
}
