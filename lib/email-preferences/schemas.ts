import { z } from "zod";
import { locales } from "@/i18n/routing";
import { CATEGORY_FIELD, EMAIL_CADENCES } from "./categories";

const cadence = z.enum(EMAIL_CADENCES);

/**
 * The notices form: one cadence per category (each optional, so a form may show fewer, as the
 * monitoring one only to reviewers), and the page's language for the redirect.
 */
export const updateEmailPreferencesSchema = z.object({
  [CATEGORY_FIELD.PROPOSALS]: cadence.optional(),
  [CATEGORY_FIELD.SESSIONS]: cadence.optional(),
  [CATEGORY_FIELD.NOMINATIONS]: cadence.optional(),
  [CATEGORY_FIELD.REPORT]: cadence.optional(),
  [CATEGORY_FIELD.CHAMPIONS]: cadence.optional(),
  [CATEGORY_FIELD.DIALOGUE]: cadence.optional(),
  [CATEGORY_FIELD.MONITORING]: cadence.optional(),
  locale: z.enum(locales).optional(),
});
export type UpdateEmailPreferencesInput = z.output<typeof updateEmailPreferencesSchema>;

/** The one-click unsubscribe: only the token from the email (never a user id). */
export const unsubscribeSchema = z.object({ token: z.string().min(1).max(200), locale: z.enum(locales).optional() });

/** The job-run commands take nothing. */
export const emptySchema = z.object({});

/** Which digest a run sends. */
export const digestSchema = z.object({ cadence: z.enum(["DAILY", "WEEKLY"]) });
