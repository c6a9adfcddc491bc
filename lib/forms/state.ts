import type { UserMessage } from "@/lib/errors";

/**
 * A message as the form shows it: the catalogue key (what code and tests compare) and its text
 * in the user's language, filled in on the server by runFormAction, so no catalogue goes to the browser.
 */
export type ShownMessage = UserMessage & { text?: string };

/** What a server action returns to its form; `values` gives back what the user typed. */
export type FormState = {
  status: "idle" | "error" | "success";
  message?: ShownMessage;
  fieldErrors?: Record<string, ShownMessage[]>;
  values?: Record<string, string | string[]>;
};

export const idleState: FormState = { status: "idle" };

/**
 * The hidden field every form posts with the page's language (components/ui/action-form.tsx),
 * so the action answers in it; runFormAction takes it out before the command sees the input.
 */
export const FORM_LOCALE_FIELD = "_locale";

/** What the browser shows for a message (the key only if a state skipped runFormAction: a bug the unit tests catch). */
export const shownText = (message: ShownMessage) => message.text ?? message.key;
