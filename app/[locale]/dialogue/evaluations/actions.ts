"use server";

import { redirect } from "next/navigation";
import { answerEvaluation } from "@/lib/evaluations/commands";
import { runCommandForm } from "@/lib/forms/command-action";
import type { FormState } from "@/lib/forms/state";
import { localeOr } from "@/i18n/routing";

// Thin: the command checks everything; the browser goes back to the evaluation with a notice,
// the same with and without JavaScript. The destination is built from the command's result.

export async function answerEvaluationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, answerEvaluation, (result, input) => redirect(`/${localeOr(input.locale)}/dialogue/evaluations/${result.evaluationId}?done=answered`));
}
