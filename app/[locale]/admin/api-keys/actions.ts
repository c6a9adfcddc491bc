"use server";

import { runCommandForm } from "@/lib/forms/command-action";
import type { FormState } from "@/lib/forms/state";
import { createApiKey, revokeApiKey } from "@/lib/open-data/commands";

/** On success, the new key: shown once in the answer to this POST, never in a URL or a cookie. */
export type CreateKeyState = FormState & { created?: { partner: string; key: string } };

export async function createApiKeyAction(_prev: CreateKeyState, formData: FormData): Promise<CreateKeyState> {
  let created: CreateKeyState["created"];
  const state = await runCommandForm(formData, createApiKey, (result) => {
    created = { partner: result.partner, key: result.key };
    return { status: "success" };
  });
  return created ? { status: "success", created } : state;
}

export async function revokeApiKeyAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, revokeApiKey);
}
