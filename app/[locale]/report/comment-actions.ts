"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getCurrentActor } from "@/lib/auth/session";
import type { FormState } from "@/lib/forms/state";
import { runFormAction } from "@/lib/forms/run-action";
import { postComment } from "@/lib/report/comments";
import { giveDisposition } from "@/lib/report/dispositions";
import { linkParagraphProposal, unlinkParagraphProposal } from "@/lib/report/links";
import { defaultLocale, isLocale } from "@/i18n/routing";

// The forms of components/report/comments/**. Each comes back to the paragraph on the version
// page (/[locale]/report/versions/[n]#<anchor>) with a ?done= notice the page shows.

const localeOf = (input: Record<string, string | string[]>) => (isLocale(input.locale) ? input.locale : defaultLocale);

export type CommentDone = "commented" | "answered" | "linked" | "unlinked";

const backTo = (input: Record<string, string | string[]>, versionNumber: number, anchor: string, done: CommentDone) =>
  `/${localeOf(input)}/report/versions/${versionNumber}?done=${done}#${encodeURIComponent(anchor)}`;

function refreshReport() {
  revalidatePath("/[locale]/report", "layout");
  revalidatePath("/[locale]/transparency", "page");
}

/** A comment on a paragraph, optionally with replacement text. */
export async function postCommentAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, "report.comment", async (input) => {
    const actor = await getCurrentActor();
    const posted = await postComment(actor, input);
    refreshReport();
    redirect(backTo(input, posted.versionNumber, posted.anchor, "commented"));
  });
}

/** Staff: a comment's disposition and public answer. */
export async function giveDispositionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, "report.disposition", async (input) => {
    const actor = await getCurrentActor();
    const given = await giveDisposition(actor, input);
    refreshReport();
    redirect(backTo(input, given.versionNumber, given.anchor, "answered"));
  });
}

/** Staff: the paragraph takes up a proposal. */
export async function linkProposalAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, "report.linkProposal", async (input) => {
    const actor = await getCurrentActor();
    const linked = await linkParagraphProposal(actor, input);
    refreshReport();
    revalidatePath("/[locale]/proposals", "layout");
    redirect(backTo(input, linked.versionNumber, linked.anchor, "linked"));
  });
}

/** Staff: a link made by mistake is removed. */
export async function unlinkProposalAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, "report.unlinkProposal", async (input) => {
    const actor = await getCurrentActor();
    const unlinked = await unlinkParagraphProposal(actor, input);
    refreshReport();
    revalidatePath("/[locale]/proposals", "layout");
    redirect(backTo(input, unlinked.versionNumber, unlinked.anchor, "unlinked"));
  });
}
