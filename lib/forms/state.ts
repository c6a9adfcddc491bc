import type { FieldErrors, UserMessage } from "@/lib/errors";

/** What a server action returns to its form; `values` gives back what the user typed. */
export type FormState = {
  status: "idle" | "error" | "success";
  message?: UserMessage;
  fieldErrors?: FieldErrors;
  values?: Record<string, string | string[]>;
};

export const idleState: FormState = { status: "idle" };
