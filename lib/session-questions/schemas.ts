import { z } from "zod";
import { multiLineText, optionalSingleLineText } from "@/lib/validation/text";
import { locales } from "@/i18n/routing";
import { requireVoiceOrganization, voiceFields } from "@/lib/dialogue/schemas";

// Questions to a review session's panel (issue 14): what the forms post, read by the commands,
// the actions and the tests.

export const QUESTION_STATES = ["OPEN", "TAKEN_UP", "ANSWERED", "SET_ASIDE"] as const;
export type QuestionStateName = (typeof QUESTION_STATES)[number];

/** What the moderator (or staff) does with a question. */
export const QUESTION_ACTIONS = ["takeUp", "answer", "setAside", "reopen"] as const;
export type QuestionAction = (typeof QUESTION_ACTIONS)[number];

// Short texts: a question read out to a panel, a one-line reason. They match the columns.
export const QUESTION_LIMITS = { body: 600, reason: 300 } as const;

const questionId = z.uuid();

/** A question to the panel, as the person or under a pseudonym vouched for by their organization (the dialogue's voice). */
export const askQuestionSchema = z
  .object({
    sessionId: z.uuid(),
    body: multiLineText({ max: QUESTION_LIMITS.body, min: 3 }),
    language: z.enum(locales),
    ...voiceFields,
  })
  .superRefine(requireVoiceOrganization);
export type AskQuestionInput = z.output<typeof askQuestionSchema>;

export const questionRefSchema = z.object({ questionId });

/** Supporting a question to the panel: as the person or under their pseudonym, like asking. */
export const supportQuestionSchema = z.object({ questionId, ...voiceFields }).superRefine(requireVoiceOrganization);
export type SupportQuestionInput = z.output<typeof supportQuestionSchema>;

export const moveQuestionSchema = z
  .object({
    questionId,
    action: z.enum(QUESTION_ACTIONS),
    // Only setting aside carries a reason (public); any other action ignores it.
    reason: optionalSingleLineText({ max: QUESTION_LIMITS.reason }),
  })
  .transform((input) => ({ ...input, reason: input.action === "setAside" ? input.reason : undefined }));
export type MoveQuestionInput = z.output<typeof moveQuestionSchema>;

const checkbox = z.preprocess((value) => value === true || value === "on" || value === "true", z.boolean());

/** The rapporteur draws on a question for the summary (or takes it back). */
export const drawOnQuestionSchema = z.object({ questionId, drawnOn: checkbox });
