"use server";

import type { FormState } from "@/lib/forms/state";
import { runCommandForm } from "@/lib/forms/command-action";
import { markNotificationsRead } from "@/lib/notifications/commands";

/** Marks the notifications named in `ids` as read, or every one when the form names none. */
export async function markNotificationsReadAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runCommandForm(formData, markNotificationsRead);
}
