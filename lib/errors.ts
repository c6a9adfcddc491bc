import { z } from "zod";

/** A message the user reads: a key in the `errors` catalogue and its values. */
export type UserMessage = { key: string; values?: Record<string, string | number> };
export type FieldErrors = Record<string, UserMessage[]>;

/** The small set of errors a user can expect; anything else is a bug and is logged. */
export class AppError extends Error {
  constructor(
    readonly kind: "invalid" | "unauthenticated" | "forbidden" | "not_found" | "conflict" | "rate_limited",
    readonly userMessage: UserMessage,
    readonly fieldErrors: FieldErrors = {},
  ) {
    super(`${kind}: ${userMessage.key}`);
    this.name = "AppError";
  }
}

export const invalid = (fieldErrors: FieldErrors, key = "invalidForm") => new AppError("invalid", { key }, fieldErrors);
export const fieldError = (field: string, key: string, values?: UserMessage["values"]) =>
  new AppError("invalid", { key: "invalidForm" }, { [field]: [{ key, values }] });
export const notSignedIn = () => new AppError("unauthenticated", { key: "notSignedIn" });
export const forbidden = (key = "forbidden") => new AppError("forbidden", { key });
export const notFound = () => new AppError("not_found", { key: "notFound" });
export const conflict = (key = "conflict", values?: UserMessage["values"]) => new AppError("conflict", { key, values });
export const rateLimited = () => new AppError("rate_limited", { key: "rateLimited" });

/**
 * Why a policy rule says no: what policy functions return (or null for yes), so the page that
 * hides a button and the command that refuses read the same decision. `field` puts the message
 * next to that field of the form.
 */
export type Refusal = { kind: AppError["kind"]; key: string; values?: UserMessage["values"]; field?: string };

export const refuse = {
  notSignedIn: (): Refusal => ({ kind: "unauthenticated", key: "notSignedIn" }),
  forbidden: (key = "forbidden"): Refusal => ({ kind: "forbidden", key }),
  notFound: (): Refusal => ({ kind: "not_found", key: "notFound" }),
  conflict: (key = "conflict", values?: UserMessage["values"]): Refusal => ({ kind: "conflict", key, values }),
  field: (field: string, key: string, values?: UserMessage["values"]): Refusal => ({ kind: "invalid", key, field, values }),
};

export function refusalToError(refusal: Refusal): AppError {
  if (refusal.field) return fieldError(refusal.field, refusal.key, refusal.values);
  return new AppError(refusal.kind, { key: refusal.key, values: refusal.values });
}

/** Maps zod issues to catalogue keys, so every field message exists in all four languages. */
export function issueToMessage(issue: z.core.$ZodIssue): UserMessage {
  switch (issue.code) {
    case "too_small":
      if (issue.origin === "string" && Number(issue.minimum) <= 1) return { key: "required" };
      if (issue.origin === "array" || issue.origin === "set") return { key: "chooseAtLeast", values: { min: Number(issue.minimum) } };
      if (issue.origin === "string") return { key: "tooShort", values: { min: Number(issue.minimum) } };
      return { key: "tooSmall", values: { min: Number(issue.minimum) } };
    case "too_big":
      if (issue.origin === "string") return { key: "tooLong", values: { max: Number(issue.maximum) } };
      if (issue.origin === "array" || issue.origin === "set") return { key: "chooseAtMost", values: { max: Number(issue.maximum) } };
      return { key: "tooBig", values: { max: Number(issue.maximum) } };
    case "invalid_format":
      if (issue.format === "email") return { key: "invalidEmail" };
      if (issue.format === "url") return { key: "invalidUrl" };
      return { key: "invalidFormat" };
    case "invalid_value":
      return { key: "invalidChoice" };
    case "invalid_type":
      return issue.input === undefined || issue.input === null ? { key: "required" } : { key: "invalidType" };
    case "custom":
      return { key: issue.message || "invalidFormat", values: (issue.params as UserMessage["values"]) ?? undefined };
    default:
      return { key: "invalidFormat" };
  }
}

/**
 * The form field an issue belongs to: its first segment ("objectives" for a wrong objective in
 * a list), or the whole dotted name for a field inside a list row or a per-language group
 * ("milestones.0.plannedOn", "texts.es.title"), the name those forms post.
 */
function fieldOf(path: readonly PropertyKey[]): string {
  if (path.length === 0) return "_form";
  return path.length >= 3 ? path.map(String).join(".") : String(path[0]);
}

export function zodToAppError(error: z.ZodError): AppError {
  const fieldErrors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = fieldOf(issue.path);
    (fieldErrors[field] ??= []).push(issueToMessage(issue));
  }
  return invalid(fieldErrors);
}

/** Parse input with a schema; bad input becomes an AppError with one message per field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  // reportInput lets a wrong type (a number for a name) read "invalid", not "required".
  const result = schema.safeParse(input, { reportInput: true });
  if (!result.success) throw zodToAppError(result.error);
  return result.data;
}
