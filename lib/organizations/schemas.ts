import { z } from "zod";
import { isCountryCode } from "@/lib/i18n/countries";
import { locales } from "@/i18n/routing";
import { multiLineText, optionalSingleLineText, parseQueryInt, singleLineText } from "@/lib/validation/text";

// Limits shared by the forms (maxLength), the commands and the tests; they match the columns.
export const ORGANIZATION_LIMITS = {
  name: 200,
  acronym: 20,
  website: 300,
  description: 2000,
  contactEmail: 254,
  reason: 1000,
} as const;

export const ORGANIZATION_TYPES = ["REGIONAL_NETWORK", "CSO", "MIGRANT_LED", "DIASPORA", "ACADEMIA", "OTHER"] as const;
export const ORGANIZATION_STATUSES = ["PENDING", "VERIFIED", "REJECTED", "SUSPENDED"] as const;
export const MEMBERSHIP_ROLES = ["MEMBER", "ADMIN"] as const;
export const SUBREGION_VALUES = ["MEXICO_CENTRAL_AMERICA", "CARIBBEAN", "ANDEAN", "SOUTHERN_CONE_BRAZIL", "DIASPORA"] as const;

/** Blank text (or only spaces) means "not given". */
const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

/** An unchecked box sends nothing; a checked one sends "on" (or "true" from tests and scripts). */
const checkbox = z.preprocess(
  (value) => (value === undefined || value === null || value === "" ? false : value === "on" || value === "true" ? true : value),
  z.boolean(),
);

/** One value or several (a checkbox group) always become a list. */
const toList = (value: unknown) => (value === undefined || value === null || value === "" ? [] : Array.isArray(value) ? value : [value]);


const email = z.preprocess(
  (value) => (typeof value === "string" ? value.trim().toLowerCase() : value),
  z.string().min(1).max(ORGANIZATION_LIMITS.contactEmail).pipe(z.email()),
);

const countryCode = z.preprocess(
  (value) => (typeof value === "string" ? value.trim().toUpperCase() : value),
  z.string().min(1).refine(isCountryCode, { message: "organizations.invalidCountry" }),
);

/** A web address; "www.example.org" becomes "https://www.example.org". Only http and https. */
const website = z.preprocess(
  (value) => {
    const v = blankToUndefined(value);
    if (typeof v !== "string") return v;
    const trimmed = v.trim();
    return /^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`;
  },
  z.url({ protocol: /^https?$/, hostname: z.regexes.domain }).max(ORGANIZATION_LIMITS.website).optional(),
);

export const registerOrganizationSchema = z.object({
  name: singleLineText({ max: ORGANIZATION_LIMITS.name }),
  acronym: optionalSingleLineText({ max: ORGANIZATION_LIMITS.acronym }),
  country: countryCode,
  isDiaspora: checkbox,
  type: z.enum(ORGANIZATION_TYPES),
  // Stored in a fixed order, each language once.
  languages: z
    .preprocess(toList, z.array(z.enum(locales)).min(1))
    .transform((values) => locales.filter((l) => values.includes(l))),
  website,
  description: multiLineText({ max: ORGANIZATION_LIMITS.description }),
  contactEmail: email,
});
export type RegisterOrganizationInput = z.output<typeof registerOrganizationSchema>;

const organizationId = z.uuid();

export const verifyOrganizationSchema = z.object({ organizationId });
export const reinstateOrganizationSchema = z.object({ organizationId });
/** Rejecting and suspending need a reason: it goes to the organization's admins, never to the public. */
export const rejectOrganizationSchema = z.object({ organizationId, reason: multiLineText({ max: ORGANIZATION_LIMITS.reason }) });
export const suspendOrganizationSchema = z.object({ organizationId, reason: multiLineText({ max: ORGANIZATION_LIMITS.reason }) });

export const inviteMemberSchema = z.object({
  organizationId,
  email,
  role: z.enum(MEMBERSHIP_ROLES),
  /** The language of the page the admin used: the email goes out in it unless the invitee has an account. */
  locale: z.preprocess(blankToUndefined, z.enum(locales).optional()),
});

export const removeMemberSchema = z.object({ membershipId: z.uuid() });
export const revokeInvitationSchema = z.object({ invitationId: z.uuid() });

/** Tokens are 32 random bytes in base64url: 43 characters. */
export const INVITATION_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
export const acceptInvitationSchema = z.object({
  token: z.string().regex(INVITATION_TOKEN_PATTERN, { message: "organizations.invitationUnknown" }),
});

/** Directory filters come from the URL: anything unknown is ignored rather than an error. */
export const organizationFiltersSchema = z.object({
  country: z.preprocess(
    (v) => (typeof v === "string" ? v.trim().toUpperCase() : undefined),
    z.string().refine(isCountryCode).optional().catch(undefined),
  ),
  subregion: z.enum(SUBREGION_VALUES).optional().catch(undefined),
  type: z.enum(ORGANIZATION_TYPES).optional().catch(undefined),
});
export type OrganizationFilters = z.output<typeof organizationFiltersSchema>;

/** Past this, a page number is no page (an OFFSET stays bounded). */
export const MAX_PAGE_NUMBER = 10_000;

/** A page number from the URL: a positive integer up to MAX_PAGE_NUMBER, 1 for anything else. */
export function parsePage(value: unknown): number {
  return parseQueryInt(typeof value === "number" ? String(value) : value, { min: 1, max: MAX_PAGE_NUMBER, fallback: 1 });
}
