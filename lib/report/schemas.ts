import { z } from "zod";
import type { CommentDisposition } from "@/lib/generated/prisma/enums";
import { locales } from "@/i18n/routing";
import { isSessionTimeZone } from "@/lib/sessions/time";
import { cleanText, multiLineText, optionalMultiLineText, optionalSingleLineText, singleLineText } from "@/lib/validation/text";

// What staff send from the report desk. Limits match the columns (title VarChar(300),
// internalNote VarChar(1000)).
export const REPORT_LIMITS = {
  title: 300,
  internalNote: 1000,
  /** A whole report in Markdown: generous, but bounded. */
  body: 400_000,
  /** A report of more blocks than this is refused (the pages stay usable). */
  paragraphs: 2000,
} as const;

const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

const versionId = z.uuid();
const title = singleLineText({ max: REPORT_LIMITS.title });
const body = multiLineText({ max: REPORT_LIMITS.body });
const language = z.enum(locales);
/** Staff's own words about a version, never shown to readers; blank clears it. */
const internalNote = z.preprocess(
  (value) => {
    if (typeof value !== "string") return value;
    const text = cleanText(value, "multiLine");
    return text.trim() === "" ? null : text;
  },
  z.string().trim().max(REPORT_LIMITS.internalNote).nullable().optional(),
);

/**
 * A new draft. The first version needs its title, language and text; a later one may leave any
 * of them blank to copy them from the latest version ("new version" starts from its text).
 */
export const createVersionSchema = z.object({
  title: z.preprocess(blankToUndefined, title.optional()),
  language: z.preprocess(blankToUndefined, language.optional()),
  body: z.preprocess(blankToUndefined, body.optional()),
  internalNote,
});
export type CreateVersionInput = z.output<typeof createVersionSchema>;

/** Editing a draft: everything is sent again. */
export const updateDraftSchema = z.object({ versionId, title, language, body, internalNote });
export type UpdateDraftInput = z.output<typeof updateDraftSchema>;

/**
 * Opening for comment (from the confirmation page): the public title as confirmed, a deadline
 * as a local date and time in `timeZone` (a `datetime-local` value) and, when the page sends it,
 * the numbers of the versions it said would be superseded ("none" for none): if that changed in
 * between, the command refuses instead of superseding a version staff did not see.
 */
export const openVersionSchema = z.object({
  versionId,
  title,
  commentDeadline: z.string().trim().min(1).max(40),
  timeZone: z.string().refine(isSessionTimeZone, { message: "report.invalidTimeZone" }),
  expectedSuperseded: z
    .string()
    .trim()
    .regex(/^(none|\d{1,7}(,\d{1,7}){0,49})$/)
    .transform((value) => (value === "none" ? [] : value.split(",").map(Number).sort((a, b) => a - b)))
    .optional(),
});
export type OpenVersionInput = z.output<typeof openVersionSchema>;

/** Closing and publishing as final name only the version. */
export const versionRefSchema = z.object({ versionId });

/** A translation attached to a published version. */
export const translationSchema = z.object({ versionId, language, title, body });
export type TranslationInput = z.output<typeof translationSchema>;

// ─── Comments, dispositions, links ──────────────────────────────────────────────────────────

export const REPORT_COMMENT_LIMITS = { body: 4000, proposedText: 8000 } as const;

export const postCommentSchema = z
  .object({
    versionId: z.preprocess(blankToUndefined, z.uuid().optional()),
    /** The paragraph, by its anchor within `versionId`… */
    anchor: optionalSingleLineText({ max: 32 }),
    /** …or by its id (the version page's forms send it, with the version). */
    paragraphId: z.preprocess(blankToUndefined, z.uuid().optional()),
    body: multiLineText({ max: REPORT_COMMENT_LIMITS.body }),
    proposedText: optionalMultiLineText({ max: REPORT_COMMENT_LIMITS.proposedText }),
    language: z.preprocess(blankToUndefined, language.optional()),
    /** The organization the comment is signed with, when the author belongs to several verified ones. */
    organizationId: z.preprocess(blankToUndefined, z.uuid().optional()),
  })
  .superRefine((value, ctx) => {
    if (!value.paragraphId && !(value.versionId && value.anchor)) {
      ctx.addIssue({ code: "custom", path: ["body"], message: "reportComments.paragraphRequired" });
    }
  });
export type PostCommentInput = z.output<typeof postCommentSchema>;

export const COMMENT_DISPOSITIONS = ["ACCEPTED", "PARTLY_ACCEPTED", "NOT_ACCEPTED", "NOTED"] as const satisfies readonly CommentDisposition[];

export const DISPOSITION_ANSWER_MAX = 2000;

export const giveDispositionSchema = z.object({
  commentId: z.uuid(),
  /** The version the page shows: a comment of another version is not found. */
  versionId,
  disposition: z.enum(COMMENT_DISPOSITIONS),
  answer: multiLineText({ max: DISPOSITION_ANSWER_MAX }),
});

const UUID_IN_TEXT = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/**
 * The proposal a staff member names in the form: its id, or its address
 * (https://…/es/proposals/<id>, with or without a query or fragment). The last id in the text wins.
 */
export function proposalIdFromReference(reference: string): string | null {
  const ids = reference.match(UUID_IN_TEXT);
  return ids ? ids[ids.length - 1].toLowerCase() : null;
}

const paragraphRef = {
  versionId,
  /** The paragraph, by its anchor within the version (or by its id). */
  anchor: optionalSingleLineText({ max: 32 }),
  paragraphId: z.preprocess(blankToUndefined, z.uuid().optional()),
};

const needsParagraph = (value: { anchor?: string; paragraphId?: string }, ctx: z.RefinementCtx) => {
  if (!value.anchor && !value.paragraphId) ctx.addIssue({ code: "custom", path: ["proposal"], message: "reportComments.paragraphRequired" });
};

export const linkProposalSchema = z
  .object({
    ...paragraphRef,
    /** The proposal's id or address, as typed. */
    proposal: z
      .string()
      .trim()
      .min(1)
      .max(500)
      .transform((value, ctx) => {
        const id = proposalIdFromReference(value);
        if (!id) {
          ctx.addIssue({ code: "custom", message: "reportComments.proposalReference" });
          return z.NEVER;
        }
        return id;
      }),
  })
  .superRefine(needsParagraph);

export const unlinkProposalSchema = z.object({ ...paragraphRef, proposalId: z.uuid() }).superRefine(needsParagraph);

/** ?from=&to= of the compare page: version numbers. */
export const versionNumber = z.coerce.number().int().min(1).max(1_000_000);
