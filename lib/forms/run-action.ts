import "server-only";
import { createTranslator, type AbstractIntlMessages } from "next-intl";
import { unstable_rethrow } from "next/navigation";
import { loadMessages } from "@/i18n/messages";
import { localeOr, type AppLocale } from "@/i18n/routing";
import { AppError } from "@/lib/errors";
import { logError } from "@/lib/log";
import { FORM_LOCALE_FIELD, type FormState, type ShownMessage } from "./state";

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
 * The state with each message's text in `locale`, translated here so the browser needs no
 * catalogue (only the form that answers carries its few sentences).
 */
export async function inLanguage(state: FormState, locale: AppLocale): Promise<FormState> {
  if (state.status !== "error") return state;
  const messages = (await loadMessages(locale)) as AbstractIntlMessages;
  const t = createTranslator({ locale, messages, namespace: "errors" }) as unknown as (key: string, values?: ShownMessage["values"]) => string;
  const shown = (message: ShownMessage): ShownMessage => ({ ...message, text: t(message.key, message.values) });
  return {
    ...state,
    ...(state.message ? { message: shown(state.message) } : {}),
    ...(state.fieldErrors ? { fieldErrors: Object.fromEntries(Object.entries(state.fieldErrors).map(([field, list]) => [field, list.map(shown)])) } : {}),
  };
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
  // The page's language (the hidden field ActionForm adds), else the form's own `locale` field.
  const locale = localeOr(input[FORM_LOCALE_FIELD], localeOr(input.locale));
  delete input[FORM_LOCALE_FIELD];
  try {
    return await inLanguage((await work(input)) ?? { status: "success" }, locale);
  } catch (error) {
    unstable_rethrow(error); // redirect() and notFound() are not errors
    if (error instanceof AppError) {
      return inLanguage({ status: "error", message: error.userMessage, fieldErrors: error.fieldErrors, values: echo(input) }, locale);
    }
    logError(context, error);
    return inLanguage({ status: "error", message: { key: "unexpected" }, values: echo(input) }, locale);
  }
}
