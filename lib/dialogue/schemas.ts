import { z } from "zod";
import { isGcmObjective } from "@/lib/gcm/objectives";
import { isCountryCode } from "@/lib/i18n/countries";
import { locales } from "@/i18n/routing";
import { multiLineText, optionalMultiLineText, singleLineText } from "@/lib/validation/text";
import { UUID_SOURCE } from "@/lib/validation/ids";

// Inputs of the permanent dialogue (issue 14): questions to the delegates, supports, answers,
// delegate profiles and pseudonyms. Every schema reads a plain object or a form post.

export const DIALOGUE_LIMITS = { title: 200, body: 4000, answer: 8000, displayName: 120, portfolio: 2000, reason: 1000 } as const;

export const INSTITUTION_KINDS = ["IOM", "ECLAC", "STATE"] as const;
export type InstitutionKindName = (typeof INSTITUTION_KINDS)[number];

/** Languages a delegate may say they speak (ISO 639-1); names come from Intl.DisplayNames in the reader's language. */
export const SPOKEN_LANGUAGES = ["es", "en", "pt", "fr", "ht", "nl", "qu", "gn", "ay", "de", "it"] as const;

export const QUESTION_SORTS = ["support", "newest", "unanswered"] as const;
export type QuestionSort = (typeof QUESTION_SORTS)[number];
export const QUESTION_STATUSES = ["awaiting", "answered", "overdue"] as const;
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];

const id = z.uuid();
const language = z.enum(locales);
const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const toList = (value: unknown) => (value === undefined || value === null || value === "" ? [] : Array.isArray(value) ? value : [value]);
const unique = (list: readonly unknown[]) => new Set(list).size === list.length;
const checkbox = z.preprocess(
  (v) => (v === undefined || v === null || v === "" ? false : v === "on" || v === "true" ? true : v === "false" ? false : v),
  z.boolean(),
);

const objective = z.preprocess(
  (value) => (typeof value === "string" && /^\s*\d{1,3}\s*$/.test(value) ? Number(value) : value),
  z.number().int().refine(isGcmObjective, { message: "dialogue.invalidObjective" }),
);
const objectives = z
  .preprocess(toList, z.array(objective).max(23))
  .refine(unique, { message: "dialogue.duplicateObjective" })
  .transform((list) => [...list].sort((a, b) => a - b));

/**
 * Who a post speaks as: the person ("self"), or a pseudonym vouched for by one of their verified
 * organizations (`organizationId`, checked against the database). `showOrganization` names that
 * organization on the post; by default it is not named.
 */
export const voiceFields = {
  voice: z.preprocess((v) => blankToUndefined(v) ?? "self", z.enum(["self", "pseudonym"])),
  organizationId: z.preprocess(blankToUndefined, id.optional()),
  showOrganization: checkbox,
};

/** A pseudonymous voice needs the vouching organization; the form asks for it next to the choice. */
export function requireVoiceOrganization(value: { voice: "self" | "pseudonym"; organizationId?: string }, ctx: z.RefinementCtx) {
  if (value.voice === "pseudonym" && !value.organizationId) ctx.addIssue({ code: "custom", path: ["organizationId"], message: "dialogue.chooseOrganization" });
}

const ADDRESSEE = new RegExp(`^(institution|delegate):${UUID_SOURCE}$`, "i");

/**
 * A question: to an institution (`institutionId`) or one delegate (`delegateId`, whose
 * institution it then goes to). Exactly one of the two.
 */
export const askQuestionSchema = z
  .object({
    addressee: z.preprocess(blankToUndefined, z.string().regex(ADDRESSEE, { message: "dialogue.chooseAddressee" })),
    language,
    title: singleLineText({ min: 5, max: DIALOGUE_LIMITS.title }),
    body: multiLineText({ min: 10, max: DIALOGUE_LIMITS.body }),
    objectives,
    ...voiceFields,
  })
  .superRefine(requireVoiceOrganization)
  .transform(({ addressee, ...rest }) => {
    const [kind, target] = addressee.split(":");
    return { ...rest, institutionId: kind === "institution" ? target.toLowerCase() : undefined, delegateId: kind === "delegate" ? target.toLowerCase() : undefined };
  });

export const supportQuestionSchema = z.object({ questionId: id, ...voiceFields }).superRefine(requireVoiceOrganization);

/** A question named by its id alone: taking back one's support. */
export const questionRefSchema = z.object({ questionId: id });

/**
 * A public answer, in the delegate's language. `mergeIds` are similar questions answered at once:
 * they point to this one from then on, and every asker's support is kept.
 */
export const answerQuestionSchema = z.object({
  questionId: id,
  language,
  body: multiLineText({ min: 10, max: DIALOGUE_LIMITS.answer }),
  mergeIds: z.preprocess(toList, z.array(id).max(20)).refine(unique, { message: "dialogue.duplicateQuestion" }),
});

const spokenLanguage = z.enum(SPOKEN_LANGUAGES);

/** A delegate's public profile: name shown, portfolio per language written (blank ones left out), languages spoken. */
export const editDelegateProfileSchema = z.object({
  displayName: singleLineText({ min: 2, max: DIALOGUE_LIMITS.displayName }),
  portfolioEs: optionalMultiLineText({ max: DIALOGUE_LIMITS.portfolio }),
  portfolioEn: optionalMultiLineText({ max: DIALOGUE_LIMITS.portfolio }),
  portfolioPt: optionalMultiLineText({ max: DIALOGUE_LIMITS.portfolio }),
  portfolioFr: optionalMultiLineText({ max: DIALOGUE_LIMITS.portfolio }),
  languagesSpoken: z.preprocess(toList, z.array(spokenLanguage).min(1).max(SPOKEN_LANGUAGES.length)).refine(unique, { message: "dialogue.duplicateLanguage" }),
});

/** A site admin's look behind a pseudonym: always with a reason, which is kept. */
export const requestDisclosureSchema = z.object({ pseudonymId: id, reason: multiLineText({ min: 20, max: DIALOGUE_LIMITS.reason }) });

/** The institution a DELEGATE speaks for, given with the role: IOM, ECLAC, or a State (with its country). */
export const delegateInstitutionSchema = z
  .object({
    institution: z.preprocess(blankToUndefined, z.enum(INSTITUTION_KINDS).optional()),
    country: z.preprocess((v) => (typeof v === "string" ? blankToUndefined(v.trim().toUpperCase()) : v), z.string().refine(isCountryCode, { message: "dialogue.invalidCountry" }).optional()),
  })
  .superRefine((value, ctx) => {
    if (!value.institution) ctx.addIssue({ code: "custom", path: ["institution"], message: "dialogue.chooseInstitution" });
    if (value.institution === "STATE" && !value.country) ctx.addIssue({ code: "custom", path: ["country"], message: "dialogue.stateNeedsCountry" });
  })
  .transform((value) => ({ institution: value.institution!, country: value.country }));

/** The list's GET parameters: sort, status, institution (slug) and objective; anything else falls back. */
export const questionListSchema = z.object({
  sort: z.enum(QUESTION_SORTS).catch("support"),
  status: z.enum(QUESTION_STATUSES).optional().catch(undefined),
  institution: z.string().regex(/^[a-z0-9-]{2,40}$/).optional().catch(undefined),
  objective: z.coerce.number().int().refine(isGcmObjective).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type QuestionListFilters = z.output<typeof questionListSchema>;

export type AskQuestionInput = z.input<typeof askQuestionSchema>;
