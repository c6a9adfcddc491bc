import { z } from "zod";
import { isCountryCode } from "@/lib/i18n/countries";
import { locales } from "@/i18n/routing";
import { Gender } from "@/lib/generated/prisma/enums";
import { multiLineText, optionalMultiLineText, optionalSingleLineText, parseQueryText } from "@/lib/validation/text";
import { UUID_SOURCE } from "@/lib/validation/ids";

/** The gender choices, in the order forms offer them. */
export const GENDERS = Object.values(Gender);

// Limits shared by the forms (maxLength), the commands and the tests; they match the columns.
export const NOMINATION_LIMITS = {
  name: 120,
  email: 254,
  organizationName: 200,
  rationale: 2000,
  gender: 60,
  bio: 1000,
  selectionRationale: 1000,
  balanceReason: 500,
  /** The member search: at least this many characters… */
  searchMin: 2,
  /** …and at most this many. */
  searchMax: 100,
} as const;

export const SPEAKER_ROLES = ["PANELIST", "RAPPORTEUR", "MODERATOR"] as const;
export const SELECTION_MODES = ["CHAIR", "TWO_MEMBERS"] as const;

/** Blank text (or only spaces) means "not given". */
const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

/** An unchecked box sends nothing; a checked one sends "on" (or "true" from tests and scripts). */
const checkbox = z.preprocess(
  (value) => (value === undefined || value === null || value === "" ? false : value === "on" || value === "true" ? true : value),
  z.boolean(),
);

/** One value or several (a checkbox group) always become a list. */
const toList = (value: unknown) => (value === undefined || value === null || value === "" ? [] : Array.isArray(value) ? value : [value]);

const optionalUuid = z.preprocess(blankToUndefined, z.uuid().optional());

const countryCode = z.preprocess(
  (value) => (typeof value === "string" ? value.trim().toUpperCase() : value),
  z.string().refine(isCountryCode, { message: "nominations.invalidCountry" }),
);

const nominationId = z.uuid();
const sessionId = z.uuid();

/** "userId:organizationId", the value of one radio button of the member search results. */
const MEMBER_CHOICE = new RegExp(`^(${UUID_SOURCE}):(${UUID_SOURCE})$`, "i");

/**
 * A nomination. `nomineeType` says which half of the form counts: a member of a verified
 * organization (`member` = "userId:organizationId" from the search results, or the two ids
 * separately) or someone without an account (name, email, organization, country).
 * `idempotencyKey` is a random UUID put in the form when it is rendered: it becomes the
 * nomination's id, so the same form posted twice creates one nomination.
 */
export const nominateSchema = z
  .object({
    idempotencyKey: optionalUuid,
    sessionId,
    role: z.enum(SPEAKER_ROLES),
    nomineeType: z.enum(["member", "external"]),
    member: z.preprocess(blankToUndefined, z.string().regex(MEMBER_CHOICE).optional()),
    nomineeUserId: optionalUuid,
    nomineeOrganizationId: optionalUuid,
    nomineeName: optionalSingleLineText({ max: NOMINATION_LIMITS.name }),
    nomineeEmail: z.preprocess(
      (v) => (typeof v === "string" ? blankToUndefined(v.trim().toLowerCase()) : v),
      z.email().max(NOMINATION_LIMITS.email).optional(),
    ),
    nomineeOrganizationName: optionalSingleLineText({ max: NOMINATION_LIMITS.organizationName }),
    nomineeCountry: z.preprocess(blankToUndefined, countryCode.optional()),
    rationale: multiLineText({ max: NOMINATION_LIMITS.rationale }),
    gender: z.preprocess(blankToUndefined, z.enum(GENDERS).optional()),
    genderDescription: optionalSingleLineText({ max: NOMINATION_LIMITS.gender }),
    languages: z
      .preprocess(toList, z.array(z.enum(locales)).min(1))
      .transform((list) => locales.filter((l) => list.includes(l))),
    sendInvitation: checkbox,
  })
  .superRefine((value, ctx) => {
    const required = (field: string) => ctx.addIssue({ code: "custom", path: [field], message: "required" });
    if (value.nomineeType === "member") {
      if (!value.member && !value.nomineeUserId) required("member");
    } else {
      if (!value.nomineeName) required("nomineeName");
      if (!value.nomineeEmail) required("nomineeEmail");
      if (!value.nomineeOrganizationName) required("nomineeOrganizationName");
      if (!value.nomineeCountry) required("nomineeCountry");
    }
    // Checked even when other fields failed, so every missing field is marked at once.
  }, { when: (payload) => typeof payload.value === "object" && payload.value !== null })
  .transform((value) => {
    const choice = value.member ? MEMBER_CHOICE.exec(value.member) : null;
    return {
      ...value,
      nomineeUserId: choice ? choice[1].toLowerCase() : value.nomineeUserId,
      nomineeOrganizationId: choice ? choice[2].toLowerCase() : value.nomineeOrganizationId,
    };
  });
export type NominateInput = z.output<typeof nominateSchema>;

/** invite, endorse, removeEndorsement and unselect name only the nomination. */
export const nominationRefSchema = z.object({ nominationId });

/** The token of a personal link, as it came (the command checks its shape and says one thing for every failure). */
const token = z.string().min(1).max(200);

/** The nominee answers through the RESPOND link: accept (bio, what may be published) or decline (opt-out). */
export const respondSchema = z.object({
  token,
  response: z.enum(["accept", "decline"]),
  bio: optionalMultiLineText({ max: NOMINATION_LIMITS.bio }),
  publishName: checkbox,
  publishOrganization: checkbox,
  publishBio: checkbox,
  optOut: checkbox,
});
export type RespondInput = z.output<typeof respondSchema>;

/**
 * A withdrawal: with the nominee's WITHDRAW link (`token`, no account needed) or by a signed-in
 * person (`nominationId`): the nominee, the nominator, the chair or staff. `optOut` ("do not
 * nominate me again for this session") counts only when the nominee withdraws.
 */
export const withdrawSchema = z
  .object({
    token: z.preprocess(blankToUndefined, token.optional()),
    nominationId: z.preprocess(blankToUndefined, nominationId.optional()),
    optOut: checkbox,
  })
  .refine((v) => !!v.token !== !!v.nominationId, { message: "invalidFormat", path: ["nominationId"] });
export type WithdrawInput = z.output<typeof withdrawSchema>;

/**
 * Selecting (or, in two-member mode, voting for) an accepted nominee: a rationale that becomes
 * public once the slate is confirmed, and, when the slate would be unbalanced, the
 * acknowledgement with a reason.
 */
export const selectSchema = z.object({
  nominationId,
  rationale: multiLineText({ max: NOMINATION_LIMITS.selectionRationale }),
  acknowledgeImbalance: checkbox,
  balanceReason: optionalMultiLineText({ max: NOMINATION_LIMITS.balanceReason }),
});
export type SelectInput = z.output<typeof selectSchema>;

export const selectionModeSchema = z.object({ sessionId, mode: z.enum(SELECTION_MODES) });

export const sessionRefSchema = z.object({ sessionId });

/** The member search (a GET form): what was typed, trimmed; too short or too long is no search. */
export function parseMemberQuery(raw: unknown): string | null {
  const q = parseQueryText(raw, { max: NOMINATION_LIMITS.searchMax });
  return q && q.length >= NOMINATION_LIMITS.searchMin ? q : null;
}
