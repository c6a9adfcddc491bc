"use server";

import { runCommandForm } from "@/lib/forms/command-action";
import type { FormState } from "@/lib/forms/state";
import { fileReport } from "@/lib/monitoring/commands";

/** The form's state: on success, the receipt code, shown once in this answer and nowhere else. */
export type ReportFormState = FormState & { receipt?: string };

// No redirect: the code must never travel in a URL, a cookie or a second request, so the page
// that answers the POST (with or without JavaScript) is the one that shows it.
export async function fileReportAction(_prev: ReportFormState, formData: FormData): Promise<ReportFormState> {
  let receipt: string | undefined;
  const state = await runCommandForm(formData, fileReport, (result) => {
    receipt = result.receipt;
    return { status: "success" };
  });
  return receipt ? { status: "success", receipt } : state;
}
