import { z } from "zod";
import { isGcmObjective } from "@/lib/gcm/objectives";
import type { LocalizedText } from "@/lib/i18n/localized-text";
import { locales, type AppLocale } from "@/i18n/routing";
import { multiLineText, optionalMultiLineText, optionalSingleLineText } from "@/lib/validation/text";
import { isSessionTimeZone, localInputToDate } from "./time";

// Limits shared by the forms (maxLength), the commands and the tests; they match the columns.
export const SESSION_LIMITS = {
  /** Per language (stored in a Json column). */
  title: 200,
  description: 5000,
  place: 300,
  link: 500,
  panelistSeats: 50,
  rapporteurSeats: 10,
  moderatorSeats: 10,
  summary: 20000,
  accessNote: 500,
} as const;

export const SESSION_FORMATS = ["IN_PERSON", "VIRTUAL", "HYBRID"] as const;
export const ACCESS_NEEDS = ["INTERPRETATION", "SIGN_LANGUAGE", "CAPTIONS", "OTHER"] as const;
export const SPEAKER_ROLES = ["MODERATOR", "PANELIST", "RAPPORTEUR"] as const;

/** Form fields holding the title and the description in one language. */
export const TITLE_FIELDS = { es: "titleEs", en: "titleEn", pt: "titlePt", fr: "titleFr" } as const satisfies Record<AppLocale, string>;
export const DESCRIPTION_FIELDS = { es: "descriptionEs", en: "descriptionEn", pt: "descriptionPt", fr: "descriptionFr" } as const satisfies Record<AppLocale, string>;

/** The form field of each role's seats. */
export const SEAT_FIELDS = { PANELIST: "panelistSeats", RAPPORTEUR: "rapporteurSeats", MODERATOR: "moderatorSeats" } as const;

/** Blank text (or only spaces) means "not given". */
const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

/** An unchecked box sends nothing; a checked one sends "on" (or "true" from tests and scripts). */
const checkbox = z.preprocess(
  (value) => (value === undefined || value === null || value === "" ? false : value === "on" || value === "true" ? true : value),
  z.boolean(),
);

/** One value or several (a checkbox group) always become a list. */
const toList = (value: unknown) => (value === undefined || value === null || value === "" ? [] : Array.isArray(value) ? value : [value]);

/** A whole number typed in a form ("3"); anything else stays as it is and fails. */
const seats = (max: number) =>
  z.preprocess((value) => (typeof value === "string" && /^\s*\d{1,4}\s*$/.test(value) ? Number(value) : value), z.number().int().min(0).max(max));

/** A list of languages, each once, in the site's order. */
const languageList = (min: number) =>
  z.preprocess(toList, z.array(z.enum(locales)).min(min)).transform((values) => locales.filter((l) => values.includes(l)));

const objective = z.preprocess(
  (value) => (typeof value === "string" && /^\s*\d{1,3}\s*$/.test(value) ? Number(value) : value),
  z.number().int().refine(isGcmObjective, { message: "sessions.invalidObjective" }),
);

/** "https://…" only: the link people follow to join. */
const link = z.preprocess(
  (value) => (typeof value === "string" ? blankToUndefined(value.trim()) : value),
  z.url({ protocol: /^https?$/, hostname: z.regexes.domain }).max(SESSION_LIMITS.link).optional(),
);

/** What a `datetime-local` input sends; read in the session's zone below. */
const localDateTime = z.string().trim().min(1).max(40);
const optionalLocalDateTime = z.preprocess(blankToUndefined, localDateTime.optional());

const sessionId = z.uuid();

/** The fields staff fill in; shared by creating and editing. Times are local to `timeZone`. */
const sessionFields = {
  titleEs: optionalSingleLineText({ max: SESSION_LIMITS.title }),
  titleEn: optionalSingleLineText({ max: SESSION_LIMITS.title }),
  titlePt: optionalSingleLineText({ max: SESSION_LIMITS.title }),
  titleFr: optionalSingleLineText({ max: SESSION_LIMITS.title }),
  descriptionEs: optionalMultiLineText({ max: SESSION_LIMITS.description }),
  descriptionEn: optionalMultiLineText({ max: SESSION_LIMITS.description }),
  descriptionPt: optionalMultiLineText({ max: SESSION_LIMITS.description }),
  descriptionFr: optionalMultiLineText({ max: SESSION_LIMITS.description }),
  startsAt: localDateTime,
  endsAt: localDateTime,
  timeZone: z.string().refine(isSessionTimeZone, { message: "sessions.invalidTimeZone" }),
  format: z.enum(SESSION_FORMATS),
  place: optionalSingleLineText({ max: SESSION_LIMITS.place }),
  link,
  workingLanguages: languageList(1),
  interpretation: languageList(0),
  objectives: z
    .preprocess(toList, z.array(objective).min(1))
    .refine((list) => new Set(list).size === list.length, { message: "sessions.duplicateObjective" })
    .transform((list) => [...list].sort((a, b) => a - b)),
  panelistSeats: seats(SESSION_LIMITS.panelistSeats),
  rapporteurSeats: seats(SESSION_LIMITS.rapporteurSeats),
  moderatorSeats: seats(SESSION_LIMITS.moderatorSeats),
  nominationDeadline: optionalLocalDateTime,
};

type RawSessionFields = z.output<z.ZodObject<typeof sessionFields>>;

/** What the commands store: the text by language and the times as instants. */
export type SessionValues = {
  title: LocalizedText;
  description: LocalizedText;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  format: (typeof SESSION_FORMATS)[number];
  place: string | null;
  link: string | null;
  workingLanguages: AppLocale[];
  interpretation: AppLocale[];
  objectives: number[];
  panelistSeats: number;
  rapporteurSeats: number;
  moderatorSeats: number;
  nominationDeadline: Date | null;
};

function byLanguage(input: RawSessionFields, fields: Record<AppLocale, keyof RawSessionFields>): LocalizedText {
  const text: LocalizedText = {};
  for (const locale of locales) {
    const value = input[fields[locale]];
    if (typeof value === "string" && value) text[locale] = value;
  }
  return text;
}

/**
 * The rules between fields: a title and a description in at least one language, times that
 * exist in the chosen zone, the end after the start, the nomination deadline before the start.
 */
function checkSession(input: RawSessionFields, ctx: z.RefinementCtx) {
  if (Object.keys(byLanguage(input, TITLE_FIELDS)).length === 0) {
    ctx.addIssue({ code: "custom", path: [TITLE_FIELDS.es], message: "sessions.titleRequired" });
  }
  if (Object.keys(byLanguage(input, DESCRIPTION_FIELDS)).length === 0) {
    ctx.addIssue({ code: "custom", path: [DESCRIPTION_FIELDS.es], message: "sessions.descriptionRequired" });
  }
  // Without a valid zone the times cannot be read (the zone's own error is already there).
  if (!isSessionTimeZone(input.timeZone)) return;
  const start = localInputToDate(input.startsAt, input.timeZone);
  const end = localInputToDate(input.endsAt, input.timeZone);
  const deadline = input.nominationDeadline ? localInputToDate(input.nominationDeadline, input.timeZone) : null;
  if (!start) ctx.addIssue({ code: "custom", path: ["startsAt"], message: "sessions.invalidLocalTime" });
  if (!end) ctx.addIssue({ code: "custom", path: ["endsAt"], message: "sessions.invalidLocalTime" });
  if (input.nominationDeadline && !deadline) ctx.addIssue({ code: "custom", path: ["nominationDeadline"], message: "sessions.invalidLocalTime" });
  if (start && end && end <= start) ctx.addIssue({ code: "custom", path: ["endsAt"], message: "sessions.endBeforeStart" });
  if (start && deadline && deadline >= start) ctx.addIssue({ code: "custom", path: ["nominationDeadline"], message: "sessions.deadlineAfterStart" });
}

function toValues(input: RawSessionFields): SessionValues {
  // checkSession ran first: the times are valid.
  const deadline = input.nominationDeadline ? localInputToDate(input.nominationDeadline, input.timeZone) : null;
  return {
    title: byLanguage(input, TITLE_FIELDS),
    description: byLanguage(input, DESCRIPTION_FIELDS),
    startsAt: localInputToDate(input.startsAt, input.timeZone)!,
    endsAt: localInputToDate(input.endsAt, input.timeZone)!,
    timeZone: input.timeZone,
    format: input.format,
    place: input.place ?? null,
    link: input.link ?? null,
    workingLanguages: input.workingLanguages,
    interpretation: input.interpretation,
    objectives: input.objectives,
    panelistSeats: input.panelistSeats,
    rapporteurSeats: input.rapporteurSeats,
    moderatorSeats: input.moderatorSeats,
    nominationDeadline: deadline,
  };
}

/**
 * A new session (a draft). `idempotencyKey` is a random UUID put in the form when it is
 * rendered: it becomes the session's id, so the same form posted twice creates one session.
 */
export const createSessionSchema = z
  .object({ ...sessionFields, idempotencyKey: z.preprocess(blankToUndefined, z.uuid().optional()) })
  .superRefine(checkSession)
  .transform((input) => ({ ...toValues(input), idempotencyKey: input.idempotencyKey }));
export type CreateSessionInput = z.output<typeof createSessionSchema>;

export const updateSessionSchema = z
  .object({ ...sessionFields, sessionId })
  .superRefine(checkSession)
  .transform((input) => ({ ...toValues(input), sessionId: input.sessionId }));
export type UpdateSessionInput = z.output<typeof updateSessionSchema>;

/** markHeld names only the session. */
export const sessionRefSchema = z.object({ sessionId });

/**
 * Opening for nominations; the deadline may be set here (local to the session's zone), else
 * the one already saved is used. The command reads it in the session's zone.
 */
export const openSessionSchema = z.object({ sessionId, nominationDeadline: optionalLocalDateTime });

export const publishSummarySchema = z.object({
  sessionId,
  summary: multiLineText({ max: SESSION_LIMITS.summary }),
  summaryLanguage: z.enum(locales),
});
export type PublishSummaryInput = z.output<typeof publishSummarySchema>;

/** A registration: the language the participant needs, access needs (a note required for OTHER), the opt-in list. */
export const registrationSchema = z
  .object({
    sessionId,
    language: z.enum(locales),
    accessNeeds: z
      .preprocess(toList, z.array(z.enum(ACCESS_NEEDS)))
      .transform((values) => ACCESS_NEEDS.filter((need) => values.includes(need))),
    accessNote: optionalMultiLineText({ max: SESSION_LIMITS.accessNote }),
    listed: checkbox,
  })
  .superRefine((input, ctx) => {
    if (input.accessNeeds.includes("OTHER") && !input.accessNote) {
      ctx.addIssue({ code: "custom", path: ["accessNote"], message: "sessions.accessNoteRequired" });
    }
  });
export type RegistrationInput = z.output<typeof registrationSchema>;
