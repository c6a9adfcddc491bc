"use server";

import type { FormState } from "@/lib/forms/state";
import { runCommandForm } from "@/lib/forms/command-action";
import { endCommitteeTerm, grantCommitteeTerm } from "@/lib/roles/commands";

export async function grantCommitteeTermAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, grantCommitteeTerm);
}

export async function endCommitteeTermAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, endCommitteeTerm);
}
