import "server-only";
import { unstable_rethrow } from "next/navigation";
import { AppError } from "@/lib/errors";
import { logError } from "@/lib/log";
import type { FormState } from "./state";

// Never echoed back: what the user typed here must not travel again.
const SECRET_FIELDS = /password|token|secret/i;

export type FormInput = Record<string, string | string[]>;

/** Turns FormData into a plain object; repeated names (checkbox groups) become arrays. */
export function formDataToObject(formData: FormData): Record<string, string | string[]> {
  // A Map, not `{}`: a posted name like "constructor" or "__proto__" must not read or set what
  // every object inherits (a function in the state breaks the action's answer).
  const out = new Map<string, string | string[]>();
  for (const [key, raw] of formData.entries()) {
    if (key.startsWith("$ACTION") || typeof raw !== "string") continue;
    const existing = out.get(key);
    if (existing === undefined) out.set(key, raw);
    else out.set(key, Array.isArray(existing) ? [...existing, raw] : [existing, raw]);
  }
  return Object.fromEntries(out);
}

function echo(values: Record<string, string | string[]>) {
  return Object.fromEntries(Object.entries(values).filter(([key]) => !SECRET_FIELDS.test(key)));
}

/**
 * The one way a form's server action ends: expected errors go back to the form in the
 * user's language with what they typed; anything else is logged and shown as a generic message.
 */
export async function runFormAction(
  formData: FormData,
  context: string,
  work: (input: Record<string, string | string[]>) => Promise<FormState | void>,
): Promise<FormState> {
  const input = formDataToObject(formData);
  try {
    return (await work(input)) ?? { status: "success" };
  } catch (error) {
    unstable_rethrow(error); // redirect() and notFound() are not errors
    if (error instanceof AppError) {
      return { status: "error", message: error.userMessage, fieldErrors: error.fieldErrors, values: echo(input) };
    }
    logError(context, error);
    return { status: "error", message: { key: "unexpected" }, values: echo(input) };
  }
}
