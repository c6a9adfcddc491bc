import { z } from "zod";
import { locales } from "@/i18n/routing";
import { isSessionTimeZone } from "@/lib/sessions/time";

// What staff send from the report desk. Limits match the columns (title VarChar(300)).
export const REPORT_LIMITS = {
  title: 300,
  /** A whole report in Markdown: generous, but bounded. */
  body: 400_000,
  /** A report of more blocks than this is refused (the pages stay usable). */
  paragraphs: 2000,
} as const;

const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
/** Browsers send line breaks as CRLF; stored as LF. */
const normalizeNewlines = (value: unknown) => (typeof value === "string" ? value.replace(/\r\n?/g, "\n") : value);

const versionId = z.uuid();
const title = z.string().trim().min(1).max(REPORT_LIMITS.title);
const body = z.preprocess(normalizeNewlines, z.string().trim().min(1).max(REPORT_LIMITS.body));
const language = z.enum(locales);

/**
 * A new draft. The first version needs its title, language and text; a later one may leave any
 * of them blank to copy them from the latest version ("new version" starts from its text).
 */
export const createVersionSchema = z.object({
  title: z.preprocess(blankToUndefined, title.optional()),
  language: z.preprocess(blankToUndefined, language.optional()),
  body: z.preprocess(blankToUndefined, body.optional()),
});
export type CreateVersionInput = z.output<typeof createVersionSchema>;

/** Editing a draft: everything is sent again. */
export const updateDraftSchema = z.object({ versionId, title, language, body });
export type UpdateDraftInput = z.output<typeof updateDraftSchema>;

/** Opening for comment until a local date and time in `timeZone` (a `datetime-local` value). */
export const openVersionSchema = z.object({
  versionId,
  commentDeadline: z.string().trim().min(1).max(40),
  timeZone: z.string().refine(isSessionTimeZone, { message: "report.invalidTimeZone" }),
});
export type OpenVersionInput = z.output<typeof openVersionSchema>;

/** Closing and publishing as final name only the version. */
export const versionRefSchema = z.object({ versionId });

/** A translation attached to a published version. */
export const translationSchema = z.object({ versionId, language, title, body });
export type TranslationInput = z.output<typeof translationSchema>;

/** ?from=&to= of the compare page: version numbers. */
export const versionNumber = z.coerce.number().int().min(1).max(1_000_000);
