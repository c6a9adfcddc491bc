"use server";

import { runCommandForm } from "@/lib/forms/command-action";
import type { FormState } from "@/lib/forms/state";
import { eraseMyContact, readReceipt, replyAsReporter } from "@/lib/monitoring/commands";
import type { ReceiptView } from "@/lib/monitoring/commands/receipt-view";

/** What the receipt page shows after each POST: the case (when the code matched) and the code for the next form. */
export type ReceiptState = FormState & { view?: ReceiptView; receipt?: string; done?: "replied" | "erased" };

const COMMANDS = { open: readReceipt, reply: replyAsReporter, erase: eraseMyContact } as const;
type Intent = keyof typeof COMMANDS;
const intentOf = (value: FormDataEntryValue | null): Intent => (value === "reply" || value === "erase" ? value : "open");

// Every form of the receipt page posts here with the code in a hidden field: the page re-renders
// from the POST's answer, so the code never goes into a URL, a redirect or a cookie.
export async function receiptAction(_prev: ReceiptState, formData: FormData): Promise<ReceiptState> {
  const intent = intentOf(formData.get("intent"));
  const receipt = typeof formData.get("receipt") === "string" ? String(formData.get("receipt")) : "";
  let view: ReceiptView | undefined;
  const state = await runCommandForm(formData, COMMANDS[intent], (result) => {
    view = result;
    return { status: "success" };
  });
  if (view) return { status: "success", view, receipt, done: intent === "open" ? undefined : intent === "reply" ? "replied" : "erased" };
  // An answer refused for its content (an empty reply, a closed case): show the case again with
  // the message. A code that matches nothing, or too many attempts, shows only the code form.
  const aboutTheAnswer = Object.keys(state.fieldErrors ?? {}).length > 0 || state.message?.key === "monitoring.caseClosed";
  if (intent !== "open" && aboutTheAnswer) {
    await runCommandForm(formData, readReceipt, (result) => {
      view = result;
      return { status: "success" };
    });
    if (view) return { ...state, view, receipt };
  }
  return state;
}
