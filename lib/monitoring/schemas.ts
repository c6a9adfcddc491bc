import { z } from "zod";
import { webLink } from "@/lib/champions/schemas";
import { isGcmObjective } from "@/lib/gcm/objectives";
import { LAC_COUNTRIES } from "@/lib/organizations/subregions";
import { calendarDate } from "@/lib/roles/schemas";
import { multiLineText, optionalMultiLineText, optionalSingleLineText } from "@/lib/validation/text";
import { locales } from "@/i18n/routing";

// What a reporter sends: the form (anyone, no JavaScript needed) and the receipt page. Nothing
// here asks for a migration status, a name or a document number, and the form says not to
// name third parties.

export const MONITORING_CATEGORIES = [
  "DETENTION",
  "DEPORTATION",
  "BORDER_VIOLENCE",
  "ASYLUM_DENIAL",
  "DEFENDER_HARASSMENT",
  "AID_CRIMINALIZATION",
  "CIVIC_SPACE",
  "OTHER",
] as const;
export const MONITORING_PERPETRATORS = ["STATE_AGENTS", "PRIVATE_ACTORS", "UNKNOWN"] as const;
export const MONITORING_STATUSES = ["RECEIVED", "UNDER_REVIEW", "VERIFIED", "NOT_VERIFIED", "DUPLICATE", "REFERRED"] as const;
/** Reporting concerns Latin America and the Caribbean, where the regional review runs. */
export const MONITORING_COUNTRIES = LAC_COUNTRIES;

// Limits shared by the form (maxLength), the command and the tests.
export const MONITORING_LIMITS = {
  place: 120,
  affected: 2000,
  narrativeMin: 20,
  narrative: 10_000,
  links: 10,
  evidenceText: 4000,
  contact: 300,
  message: 4000,
} as const;

const blank = (value: unknown) => value === undefined || value === null || (typeof value === "string" && value.trim() === "");
const toList = (value: unknown) => (blank(value) ? [] : Array.isArray(value) ? value : [value]);
const unique = (list: readonly unknown[]) => new Set(list).size === list.length;

/** An HTML checkbox sends "on" when ticked and nothing otherwise: absent is always "no". */
const checkbox = z.preprocess((value) => value === true || value === "on" || value === "true", z.boolean());

const country = z.preprocess(
  (value) => (typeof value === "string" ? value.trim().toUpperCase() : value),
  z.string().min(1).refine((code) => MONITORING_COUNTRIES.includes(code), { message: "monitoring.unknownCountry" }),
);

const categories = z
  .preprocess(toList, z.array(z.enum(MONITORING_CATEGORIES)).min(1).max(MONITORING_CATEGORIES.length))
  .refine(unique, { message: "monitoring.duplicateChoice" });

const objectives = z
  .preprocess(
    toList,
    z
      .array(
        z.preprocess(
          (value) => (typeof value === "string" && /^\s*\d{1,3}\s*$/.test(value) ? Number(value) : value),
          z.number().int().refine(isGcmObjective, { message: "monitoring.invalidObjective" }),
        ),
      )
      .max(23),
  )
  .refine(unique, { message: "monitoring.duplicateChoice" })
  .transform((list) => [...list].sort((a, b) => a - b));

/** One link per line (a textarea works without JavaScript); only http and https. */
const evidenceLinks = z.preprocess(
  (value) => (typeof value === "string" ? value.split(/\s+/).filter(Boolean) : toList(value)),
  z.array(webLink).max(MONITORING_LIMITS.links),
);

/**
 * The honeypot: a field people never see (hidden from sight and from screen readers) that
 * bots fill. Any value at all means "filled"; the command decides what that does.
 */
const honeypot = z.preprocess((value) => !blank(value), z.boolean());

export const fileReportSchema = z
  .object({
    language: z.enum(locales),
    country,
    place: optionalSingleLineText({ max: MONITORING_LIMITS.place }),
    occurredFrom: calendarDate,
    occurredTo: z.preprocess((value) => (blank(value) ? undefined : value), calendarDate.optional()),
    categories,
    affected: multiLineText({ max: MONITORING_LIMITS.affected }),
    perpetrator: z.enum(MONITORING_PERPETRATORS),
    narrative: multiLineText({ min: MONITORING_LIMITS.narrativeMin, max: MONITORING_LIMITS.narrative }),
    evidenceLinks,
    evidenceText: optionalMultiLineText({ max: MONITORING_LIMITS.evidenceText }),
    objectives,
    consentPublish: checkbox,
    consentContact: checkbox,
    consentRefer: checkbox,
    contact: optionalSingleLineText({ max: MONITORING_LIMITS.contact }),
    linkAccount: checkbox,
    website: honeypot,
  })
  .superRefine((value, ctx) => {
    if (value.occurredTo && value.occurredFrom && value.occurredTo < value.occurredFrom) {
      ctx.addIssue({ code: "custom", path: ["occurredTo"], message: "monitoring.endBeforeStart" });
    }
  });
export type FileReportInput = z.output<typeof fileReportSchema>;

/**
 * A receipt code as typed. Never refused by shape: a malformed code gets the same answer as a
 * well-formed one that matches nothing, so the two cannot be told apart.
 */
const receipt = z.preprocess((value) => (typeof value === "string" ? value : ""), z.string());

export const readReceiptSchema = z.object({ receipt });
export const replyAsReporterSchema = z.object({ receipt, body: multiLineText({ max: MONITORING_LIMITS.message }) });
export const eraseMyContactSchema = z.object({ receipt });
