import { z } from "zod";
import { locales } from "@/i18n/routing";
import { singleLineText } from "@/lib/validation/text";

export const NAME_MAX = 120;
export const EMAIL_MAX = 254;
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 200;

/** Trimmed and lower-cased, so one address is one account whatever the case typed. */
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  // `abort` keeps one message per field: an empty email is "required", not also "invalid".
  .min(1, { abort: true })
  .max(EMAIL_MAX, { abort: true })
  .pipe(z.email());

/** A new password: never trimmed (spaces are characters too). */
export const newPasswordSchema = z
  .string()
  .min(1, { abort: true })
  .min(PASSWORD_MIN)
  .max(PASSWORD_MAX)
  // A control character cannot be typed back on every keyboard, and a NUL ends the text for some hashers.
  .refine((value) => !/[\u0000-\u001F\u007F]/.test(value), { message: "invalidFormat" });

export const localeSchema = z.enum(locales);

export const signUpSchema = z.object({
  name: singleLineText({ max: NAME_MAX }),
  email: emailSchema,
  password: newPasswordSchema,
  locale: localeSchema,
});
export type SignUpInput = z.output<typeof signUpSchema>;

/** Sign-in checks only that something was typed: the password's length rules are for new ones. */
export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1).max(PASSWORD_MAX),
});

export const requestPasswordResetSchema = z.object({
  email: emailSchema,
});

/** 32 random bytes in base64url: 43 characters. Anything else cannot be a token we sent. */
export const resetTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

/**
 * The reset form as the command first reads it: a token that is not well formed becomes null
 * (an invalid link, never a field error: resetLinkRefusal), and the password is checked only
 * once the link passed (newPasswordFormSchema), so a bad link is always answered the same way.
 */
export const resetPasswordSchema = z.preprocess(
  (raw) => (typeof raw === "object" && raw !== null ? raw : {}),
  z.object({ token: resetTokenSchema.nullable().catch(null), password: z.unknown().optional() }),
);

export const newPasswordFormSchema = z.object({
  password: newPasswordSchema,
});
