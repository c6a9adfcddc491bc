"use server";

import { revalidatePath } from "next/cache";
import { getCurrentActor } from "@/lib/auth/session";
import type { FormState } from "@/lib/forms/state";
import { runFormAction } from "@/lib/forms/run-action";
import { markNotificationsRead } from "@/lib/notifications/commands";

/** Marks the notifications named in `ids` as read, or every one when the form names none. */
export async function markNotificationsReadAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, "notifications.markRead", async (input) => {
    const actor = await getCurrentActor();
    await markNotificationsRead(actor, { ids: input.ids });
    // The unread count shows in the header of every page.
    revalidatePath("/[locale]", "layout");
    return { status: "success" };
  });
}
