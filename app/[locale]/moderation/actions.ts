"use server";

import { redirect } from "next/navigation";
import { runCommandForm } from "@/lib/forms/command-action";
import type { FormInput } from "@/lib/forms/run-action";
import type { FormState } from "@/lib/forms/state";
import { dismissFlags, flagPost, hidePost, unhidePost } from "@/lib/moderation/commands";
import { kindSlug, type PostKind } from "@/lib/moderation/targets";
import { localeOr } from "@/i18n/routing";

// Thin: each action runs the command (which checks everything) and sends the browser back with
// a notice (?done=…), the same with and without JavaScript. Destinations are built from what the
// command returns (the post's kind, id and page), never from a path in the form: the form's
// `back` only chooses among them.

export type ModerationDone = "flagged" | "already" | "hidden" | "unhidden" | "dismissed";

type Result = { kind: PostKind; postId: string; href?: string };

function destination(input: FormInput, result: Result, done: ModerationDone): never {
  const locale = localeOr(input.locale);
  if (input.back === "post" && result.href) redirect(`/${locale}${result.href}`);
  if (input.back === "flag") redirect(`/${locale}/moderation/flag/${kindSlug(result.kind)}/${result.postId}?done=${done}`);
  redirect(`/${locale}/dashboard/moderation?done=${done}`);
}

export async function flagPostAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, flagPost, (result, input) =>
    destination({ ...input, back: "flag" }, result, result.alreadyFlagged ? "already" : "flagged"),
  );
}

export async function hidePostAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, hidePost, (result, input) => destination(input, result, "hidden"));
}

export async function unhidePostAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, unhidePost, (result, input) => destination(input, result, "unhidden"));
}

export async function dismissFlagsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, dismissFlags, (result, input) => destination(input, result, "dismissed"));
}
