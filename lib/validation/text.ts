import { z } from "zod";

// One definition of "text a person typed", used by every schema and every query parameter, so a
// NUL byte (PostgreSQL refuses it: 22021), a stray control character or a bidirectional override
// (which can make a title read backwards in someone else's page) never reaches the database.

/** C0 and C1 controls and DEL, except tab, line feed and carriage return (handled by the mode). */
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
/** Embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): they reorder the text around them. */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
/** Half a surrogate pair is not text: PostgreSQL refuses it in JSON and UTF-8 cannot encode it. */
const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export type TextMode = "singleLine" | "multiLine";

/**
 * The text as stored: NFC, no control characters (a multi-line text keeps its line breaks, as
 * LF, and its tabs; a single line turns them into spaces), no bidirectional controls, no lone
 * surrogates. Not trimmed: the schemas trim, so their length limits count what is kept.
 */
export function cleanText(value: string, mode: TextMode = "singleLine"): string {
  let text = value.replace(LONE_SURROGATES, "\uFFFD").replace(BIDI_CONTROLS, "");
  text = mode === "multiLine" ? text.replace(/\r\n?/g, "\n") : text.replace(/[\t\n\r]/g, " ");
  return text.replace(CONTROLS, "").normalize("NFC");
}

const cleanIfString = (mode: TextMode) => (value: unknown) => (typeof value === "string" ? cleanText(value, mode) : value);
const cleanOrBlank = (mode: TextMode) => (value: unknown) => {
  if (typeof value !== "string") return value;
  const text = cleanText(value, mode);
  return text.trim() === "" ? undefined : text;
};

type TextOptions = { max: number; min?: number };

/** A required line of text (a title, a name): cleaned, trimmed, between `min` (1) and `max` characters. */
export const singleLineText = ({ max, min = 1 }: TextOptions) => z.preprocess(cleanIfString("singleLine"), z.string().trim().min(min).max(max));

/** A required text that may have several lines (a body, a reason). */
export const multiLineText = ({ max, min = 1 }: TextOptions) => z.preprocess(cleanIfString("multiLine"), z.string().trim().min(min).max(max));

/** An optional line: blank (or only controls and spaces) means "not given". */
export const optionalSingleLineText = ({ max }: { max: number }) =>
  z.preprocess(cleanOrBlank("singleLine"), z.string().trim().max(max).optional());

/** An optional multi-line text: blank means "not given". */
export const optionalMultiLineText = ({ max }: { max: number }) =>
  z.preprocess(cleanOrBlank("multiLine"), z.string().trim().max(max).optional());

/** A query parameter's first value (`?a=1&a=2` reads as "1"). */
export function firstParam(value: unknown): string | undefined {
  const raw = Array.isArray(value) ? value[0] : value;
  return typeof raw === "string" ? raw : undefined;
}

/**
 * Free text from the URL (a search box): cleaned, trimmed, inner spaces collapsed; blank or
 * longer than `max` reads as no text at all, never as an error.
 */
export function parseQueryText(value: unknown, { max }: { max: number }): string | undefined {
  const raw = firstParam(value);
  if (raw === undefined) return undefined;
  const text = cleanText(raw).trim().replace(/\s+/g, " ");
  return text && text.length <= max ? text : undefined;
}

/** The same as a zod type, for filter schemas: never fails. */
// `.optional()`: zod refuses an object key whose output is undefined unless the type says it may be.
export const queryText = ({ max }: { max: number }) =>
  z
    .unknown()
    .transform((value) => parseQueryText(value, { max }))
    .optional();

type IntOptions = { min: number; max: number; fallback: number };

/**
 * A whole number from the URL (a page, a version): only plain digits count ("Infinity", "1e308",
 * "-1", "2.5" read as `fallback`); a number past `max` reads as `max`, so an offset stays bounded.
 */
export function parseQueryInt(value: unknown, { min, max, fallback }: IntOptions): number {
  const raw = firstParam(value)?.trim();
  if (!raw || !/^\d{1,16}$/.test(raw)) return fallback;
  const n = Number(raw);
  return n < min ? fallback : Math.min(n, max);
}

/** The same as a zod type, for filters: a whole number in [min, max], else undefined (the filter is dropped). */
export const queryInt = ({ min, max }: { min: number; max: number }) =>
  z
    .unknown()
    .transform((value) => {
      const n = parseQueryInt(value, { min, max: Number.MAX_SAFE_INTEGER, fallback: Number.NaN });
      return Number.isNaN(n) || n > max ? undefined : n;
    })
    .optional();
