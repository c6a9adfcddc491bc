import { z } from "zod";
import { isGcmObjective } from "@/lib/gcm/objectives";
import { isCountryCode } from "@/lib/i18n/countries";
import { locales, type AppLocale } from "@/i18n/routing";
import { multiLineText, optionalMultiLineText, singleLineText } from "@/lib/validation/text";

// Limits shared by the forms (maxLength), the commands and the tests; they match the columns.
export const PROPOSAL_LIMITS = {
  title: 200,
  summary: 1000,
  body: 20000,
  /** Countries one proposal may name (the whole region is 33; a few diaspora countries on top). */
  countries: 60,
  /** The public answer, per language (stored in a Json column). */
  answer: 5000,
  incorporatedNote: 1000,
} as const;

/** Blank text (or only spaces) means "not given". */
const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

/** An unchecked box sends nothing; a checked one sends "on" (or "true" from tests and scripts). */
const checkbox = z.preprocess(
  (value) => (value === undefined || value === null || value === "" ? false : value === "on" || value === "true" ? true : value),
  z.boolean(),
);

/** One value or several (a checkbox group) always become a list. */
const toList = (value: unknown) => (value === undefined || value === null || value === "" ? [] : Array.isArray(value) ? value : [value]);


/** "7" from a form becomes 7; anything that is not a whole number stays as it is and fails. */
const objective = z.preprocess(
  (value) => (typeof value === "string" && /^\s*\d{1,3}\s*$/.test(value) ? Number(value) : value),
  z.number().int().refine(isGcmObjective, { message: "proposals.invalidObjective" }),
);

const countryCode = z.preprocess(
  (value) => (typeof value === "string" ? value.trim().toUpperCase() : value),
  z.string().refine(isCountryCode, { message: "proposals.invalidCountry" }),
);

const unique = (list: readonly unknown[]) => new Set(list).size === list.length;

/** The fields a member writes; shared by creating and editing a draft. */
const proposalFields = {
  title: singleLineText({ max: PROPOSAL_LIMITS.title }),
  summary: multiLineText({ max: PROPOSAL_LIMITS.summary }),
  body: multiLineText({ max: PROPOSAL_LIMITS.body }),
  language: z.enum(locales),
  // Stored sorted: 1–23, each once, at least one.
  objectives: z
    .preprocess(toList, z.array(objective).min(1))
    .refine(unique, { message: "proposals.duplicateObjective" })
    .transform((list) => [...list].sort((a, b) => a - b)),
  countries: z
    .preprocess(toList, z.array(countryCode).max(PROPOSAL_LIMITS.countries))
    .refine(unique, { message: "proposals.duplicateCountry" })
    .transform((list) => [...list].sort()),
  concernsChildren: checkbox,
  concernsGender: checkbox,
  concernsIrregular: checkbox,
  // The review session it is meant for; blank (or left out) means none. The command checks the session.
  sessionId: z.preprocess(blankToUndefined, z.uuid().optional()),
};

const proposalId = z.uuid();
/** Which of the actor's organizations acts; may be left out when there is only one. */
const organizationChoice = z.preprocess(blankToUndefined, z.uuid().optional());

/**
 * A new draft. `idempotencyKey` is a random UUID put in the form when it is rendered: it becomes
 * the proposal's id, so the same form posted twice creates one proposal.
 */
export const createProposalSchema = z.object({
  ...proposalFields,
  idempotencyKey: z.preprocess(blankToUndefined, z.uuid().optional()),
  organizationId: organizationChoice,
  // The consultation contribution the draft is made from (its author's own): the link is kept.
  sourceContributionId: z.preprocess(blankToUndefined, z.uuid().optional()),
});
export type CreateProposalInput = z.output<typeof createProposalSchema>;

export const updateProposalSchema = z.object({ ...proposalFields, proposalId });
export type UpdateProposalInput = z.output<typeof updateProposalSchema>;

/** submit, withdraw and take under review name only the proposal. */
export const proposalRefSchema = z.object({ proposalId });

/** Form field that holds the answer in one language. */
export const ANSWER_FIELDS = { es: "answerEs", en: "answerEn", pt: "answerPt", fr: "answerFr" } as const satisfies Record<AppLocale, string>;
export const answerField = (locale: AppLocale) => ANSWER_FIELDS[locale];

const optionalAnswer = optionalMultiLineText({ max: PROPOSAL_LIMITS.answer });

/** The public answer, by language; the proposal's own language is always there. */
export type ProposalAnswer = Partial<Record<AppLocale, string>>;

/** The answer as the form sends it: one field per language, blank ones left out. */
export function answerFrom(input: Partial<Record<(typeof ANSWER_FIELDS)[AppLocale], string | undefined>>): ProposalAnswer {
  const answer: ProposalAnswer = {};
  for (const locale of locales) {
    const text = input[answerField(locale)];
    if (text) answer[locale] = text;
  }
  return answer;
}

export const ANSWER_DECISIONS = ["accept", "notRetain"] as const;
export type AnswerDecision = (typeof ANSWER_DECISIONS)[number];

/**
 * The committee's or staff's public answer: the decision and the text in up to four languages.
 * Which language is required depends on the proposal, so the command checks that one.
 */
export const answerProposalSchema = z.object({
  proposalId,
  decision: z.enum(ANSWER_DECISIONS),
  answerEs: optionalAnswer,
  answerEn: optionalAnswer,
  answerPt: optionalAnswer,
  answerFr: optionalAnswer,
});
export type AnswerProposalInput = z.output<typeof answerProposalSchema>;

/** Accepting or not retaining through their own form: the decision is the command's. */
export const answerWithoutDecisionSchema = answerProposalSchema.omit({ decision: true });

export const incorporateProposalSchema = z.object({
  proposalId,
  incorporatedNote: multiLineText({ max: PROPOSAL_LIMITS.incorporatedNote }),
});

/** Co-sponsoring (and withdrawing support) on behalf of one of the actor's organizations. */
export const cosponsorSchema = z.object({ proposalId, organizationId: organizationChoice });

// ─── The discussion ─────────────────────────────────────────────────────────────────────────

export const COMMENT_LIMITS = { body: 4000, reason: 500 } as const;

export const addCommentSchema = z.object({
  proposalId,
  body: multiLineText({ max: COMMENT_LIMITS.body }),
  /** The top-level comment answered; absent for a new thread. */
  parentId: z.preprocess(blankToUndefined, z.uuid().optional()),
  /** The organization the author speaks for, when they belong to several verified ones. */
  organizationId: organizationChoice,
});

