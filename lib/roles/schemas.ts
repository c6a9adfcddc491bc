import { z } from "zod";
import { singleLineText } from "@/lib/validation/text";

export const SITE_ROLES = ["STAFF", "ADMIN", "MONITORING_REVIEWER", "DELEGATE"] as const;
export type SiteRoleName = (typeof SITE_ROLES)[number];

/** Empty form fields arrive as "": treat them as absent before validating. */
const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

const email = z.email().max(254).transform((e) => e.toLowerCase());

/**
 * The person a role or term is given to: picked by email (what the admin searched for) or,
 * from a list that already shows them, by id. Exactly one of the two.
 */
const target = {
  userId: z.preprocess(blankToUndefined, z.uuid().optional()),
  email: z.preprocess((v) => (typeof v === "string" ? blankToUndefined(v.trim()) : v), email.optional()),
};

function requireTarget(value: { userId?: string; email?: string }, ctx: z.RefinementCtx) {
  if (!value.userId && !value.email) ctx.addIssue({ code: "custom", path: ["email"], message: "required" });
}

/** A calendar date typed in an `<input type="date">`: YYYY-MM-DD, a real day, between 2000 and 2099. */
export const calendarDate = z
  .string()
  .trim()
  .min(1)
  .refine((value) => parseCalendarDate(value) !== null, { message: "roles.invalidDate" })
  .transform((value) => parseCalendarDate(value) as Date);

/** Midnight UTC of the day, or null when the text is not a real calendar date. */
export function parseCalendarDate(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const [year, month, day] = match.slice(1).map(Number);
  if (year < 2000 || year > 2099) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date;
}

/** A date column (@db.Date) as the YYYY-MM-DD it stands for. */
export const formatCalendarDate = (date: Date) => date.toISOString().slice(0, 10);

/** An HTML checkbox sends "on" when ticked and nothing otherwise; code may pass a boolean. */
const checkbox = z.preprocess(
  (v) => (v === undefined || v === null || v === "" ? false : v === "on" || v === "true" ? true : v === "false" ? false : v),
  z.boolean(),
);

/** DELEGATE comes with the institution the person speaks for (IOM, ECLAC, or a State and its country). */
export const grantSiteRoleSchema = z
  .object({ ...target, role: z.enum(SITE_ROLES), institution: z.unknown().optional(), country: z.unknown().optional() })
  .superRefine(requireTarget);

export const revokeSiteRoleSchema = z.object({ userId: z.uuid(), role: z.enum(SITE_ROLES) });

export const grantCommitteeTermSchema = z
  .object({
    ...target,
    organizationId: z.preprocess(blankToUndefined, z.uuid().optional()),
    startsOn: calendarDate,
    endsOn: calendarDate,
    isChair: checkbox,
  })
  .superRefine(requireTarget)
  .superRefine((value, ctx) => {
    if (value.endsOn < value.startsOn) ctx.addIssue({ code: "custom", path: ["endsOn"], message: "roles.endBeforeStart" });
  });

export const endCommitteeTermSchema = z.object({ termId: z.uuid() });

/** The people search (a GET form): cleaned like every other text, 3 to 100 characters. */
export const userSearchSchema = singleLineText({ min: 3, max: 100 });

export type GrantSiteRoleInput = z.input<typeof grantSiteRoleSchema>;
export type GrantCommitteeTermInput = z.input<typeof grantCommitteeTermSchema>;
