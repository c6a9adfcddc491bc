import { z } from "zod";
import { unflatten } from "@/lib/forms/unflatten";
import { isGcmObjective } from "@/lib/gcm/objectives";
import { isCountryCode } from "@/lib/i18n/countries";
import { calendarDate } from "@/lib/roles/schemas";
import { ANCHOR_PATTERN } from "@/lib/report/anchors";
import { multiLineText, optionalMultiLineText, optionalSingleLineText, singleLineText } from "@/lib/validation/text";
import { locales, type AppLocale } from "@/i18n/routing";

// Champion States, their initiatives, the report's recommendations and civil society's
// assessments. Every schema reads a plain object or a form post: lists and per-language texts
// arrive as flat names ("milestones.0.label", "texts.es.title") and are un-flattened first.

export const COMMITMENT_STATUSES = ["ANNOUNCED", "IN_PROGRESS", "COMPLETED", "STALLED", "ABANDONED"] as const;
/** The fixed ladder, lowest first: the order is the meaning. */
export const INCLUSION_LEVELS = ["NOT_INCLUDED", "INFORMED", "CONSULTED", "INVOLVED", "CO_LED"] as const;
export const RIGHTS_CENTRED = ["YES", "PARTLY", "NO"] as const;
export const ADDRESSEES = ["STATES", "IOM", "ECLAC", "ALL"] as const;
export const COMMITMENT_KINDS = ["INITIATIVE", "RECOMMENDATION"] as const;
export const SUGGESTION_STATUSES = ["PENDING", "ACCEPTED", "DECLINED"] as const;
/** Champion States from the start (the demo and a fresh setup). */
export const FOUNDING_CHAMPIONS = ["MX", "SV", "EC", "HN"] as const;

export type CommitmentStatusName = (typeof COMMITMENT_STATUSES)[number];
export type InclusionLevelName = (typeof INCLUSION_LEVELS)[number];

// Limits shared by forms (maxLength), commands and tests; they match the columns.
export const CHAMPION_LIMITS = {
  title: 300,
  description: 8000,
  publicBody: 300,
  inclusionEvidence: 4000,
  milestoneLabel: 300,
  milestones: 30,
  sourceTitle: 300,
  publisher: 200,
  url: 2000,
  sources: 20,
  updateBody: 4000,
  note: 4000,
  evidence: 8000,
  reason: 1000,
  links: 10,
} as const;

const blank = (value: unknown) => value === undefined || value === null || (typeof value === "string" && value.trim() === "");
const blankToUndefined = (value: unknown) => (blank(value) ? undefined : value);
const toList = (value: unknown) => (blank(value) ? [] : Array.isArray(value) ? value : [value]);
const unique = (list: readonly unknown[]) => new Set(list).size === list.length;

/** A whole object (a row of a list) whose every field is blank: an empty row the form rendered. */
const isBlankRow = (row: unknown) =>
  !!row && typeof row === "object" && !Array.isArray(row) && Object.values(row as Record<string, unknown>).every(blank);
const withoutBlankRows = (value: unknown) => toList(value).filter((row) => !isBlankRow(row));

export const countryCode = z.preprocess(
  (value) => (typeof value === "string" ? value.trim().toUpperCase() : value),
  z.string().min(1).refine(isCountryCode, { message: "champions.invalidCountry" }),
);

const optionalDate = z.preprocess(blankToUndefined, calendarDate.optional());

/** A web address: "www.example.org" becomes "https://www.example.org"; only http and https (never javascript:). */
export const webLink = z.preprocess(
  (value) => {
    if (typeof value !== "string") return value;
    const trimmed = value.trim();
    if (trimmed === "") return undefined;
    return /^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`;
  },
  z.url({ protocol: /^https?$/, hostname: z.regexes.domain }).max(CHAMPION_LIMITS.url),
);

const objective = z.preprocess(
  (value) => (typeof value === "string" && /^\s*\d{1,3}\s*$/.test(value) ? Number(value) : value),
  z.number().int().refine(isGcmObjective, { message: "champions.invalidObjective" }),
);

/** GCM objectives 1–23, each once, stored sorted; may be empty. */
const objectives = z
  .preprocess(toList, z.array(objective).max(23))
  .refine(unique, { message: "champions.duplicateObjective" })
  .transform((list) => [...list].sort((a, b) => a - b));

const language = z.enum(locales);
const status = z.enum(COMMITMENT_STATUSES);
const inclusion = z.enum(INCLUSION_LEVELS);

/** Title and description in one language; a language left blank is left out (see `texts`). */
const textPair = z.object({
  title: singleLineText({ max: CHAMPION_LIMITS.title }),
  description: multiLineText({ max: CHAMPION_LIMITS.description }),
});
export type CommitmentTexts = Partial<Record<AppLocale, { title: string; description: string }>>;

/**
 * `{ es?: {title, description}, en?: …, pt?: …, fr?: … }`: at least one language. The form shows
 * all four: a language whose title and description are both blank is not written.
 */
const texts = z.preprocess(
  (value) => {
    if (!value || typeof value !== "object" || Array.isArray(value)) return value;
    return Object.fromEntries(Object.entries(value).filter(([, pair]) => !isBlankRow(pair)));
  },
  z
    .strictObject({ es: textPair.optional(), en: textPair.optional(), pt: textPair.optional(), fr: textPair.optional() })
    .refine((value) => Object.values(value).some(Boolean), { message: "champions.oneLanguageRequired" }),
);

/** A dated step; the label is in `language`, or the commitment's first language when left out. */
const milestone = z
  .object({
    label: singleLineText({ max: CHAMPION_LIMITS.milestoneLabel }),
    language: z.preprocess(blankToUndefined, language.optional()),
    plannedOn: calendarDate,
    doneOn: optionalDate,
  })
  .superRefine((value, ctx) => {
    if (value.doneOn && value.plannedOn && value.doneOn < value.plannedOn) {
      // Done before it was planned reads as a typing mistake; a milestone done early is planned earlier.
      ctx.addIssue({ code: "custom", path: ["doneOn"], message: "champions.doneBeforePlanned" });
    }
  });
export type MilestoneInput = z.output<typeof milestone>;

const source = z.object({
  title: singleLineText({ max: CHAMPION_LIMITS.sourceTitle }),
  publisher: optionalSingleLineText({ max: CHAMPION_LIMITS.publisher }),
  publishedOn: optionalDate,
  url: webLink,
});
export type SourceInput = z.output<typeof source>;

/** A link of an assessment: the address, and a title (the address itself when left out). */
const link = z.preprocess(
  (value) => (value && typeof value === "object" && !Array.isArray(value) ? value : { url: value }),
  z.object({ title: optionalSingleLineText({ max: CHAMPION_LIMITS.sourceTitle }), url: webLink }),
);

const milestones = z.preprocess(withoutBlankRows, z.array(milestone).max(CHAMPION_LIMITS.milestones));
const sources = z.preprocess(withoutBlankRows, z.array(source).max(CHAMPION_LIMITS.sources));
const links = z.preprocess(withoutBlankRows, z.array(link).max(CHAMPION_LIMITS.links));

const id = z.uuid();
/** Which of the actor's organizations signs; may be left out when only one fits. */
const organizationChoice = z.preprocess(blankToUndefined, z.uuid().optional());
const optionalStatus = z.preprocess(blankToUndefined, status.optional());

/** An object schema that also reads flat form names. */
const formObject = <S extends z.ZodType>(schema: S) => z.preprocess(unflatten, schema);

// ─── Champion terms ─────────────────────────────────────────────────────────────────────────

export const addChampionTermSchema = z
  .object({ country: countryCode, startsOn: calendarDate, endsOn: optionalDate })
  .superRefine((value, ctx) => {
    if (value.endsOn && value.endsOn < value.startsOn) ctx.addIssue({ code: "custom", path: ["endsOn"], message: "champions.endBeforeStart" });
  });

/** The last day of the term; today when left out. */
export const endChampionTermSchema = z.object({ termId: id, endsOn: optionalDate });

// ─── Commitments ────────────────────────────────────────────────────────────────────────────

const commitmentFields = {
  texts,
  objectives,
  inclusion: z.preprocess(blankToUndefined, inclusion.default("NOT_INCLUDED")),
  inclusionEvidence: optionalMultiLineText({ max: CHAMPION_LIMITS.inclusionEvidence }),
  milestones,
  sources,
};

export const createInitiativeSchema = formObject(
  z.object({
    ...commitmentFields,
    country: countryCode,
    publicBody: singleLineText({ max: CHAMPION_LIMITS.publicBody }),
    status: z.preprocess(blankToUndefined, status.default("ANNOUNCED")),
    /** A random UUID put in the form when rendered: it becomes the id, so posting twice creates one. */
    idempotencyKey: z.preprocess(blankToUndefined, z.uuid().optional()),
  }),
);
export type CreateInitiativeInput = z.output<typeof createInitiativeSchema>;

/**
 * Editing replaces texts, milestones and sources with what is sent. `publicBody` is for
 * initiatives, `addressee` for recommendations (each ignored on the other kind).
 * `expectedRevision`, when sent, refuses an edit made on an older page.
 */
export const editCommitmentSchema = formObject(
  z.object({
    ...commitmentFields,
    commitmentId: id,
    publicBody: optionalSingleLineText({ max: CHAMPION_LIMITS.publicBody }),
    addressee: z.preprocess(blankToUndefined, z.enum(ADDRESSEES).optional()),
    status: optionalStatus,
    expectedRevision: z.preprocess(
      (value) => (blank(value) ? undefined : typeof value === "string" && /^\d{1,9}$/.test(value.trim()) ? Number(value) : value),
      z.number().int().positive().optional(),
    ),
  }),
);
export type EditCommitmentInput = z.output<typeof editCommitmentSchema>;

/** A dated update: the day it speaks of (never in the future: the command checks against its clock). */
export const postCommitmentUpdateSchema = formObject(
  z.object({
    commitmentId: id,
    reportedOn: calendarDate,
    language,
    body: multiLineText({ max: CHAMPION_LIMITS.updateBody }),
    status: optionalStatus,
    sources,
  }),
);
export type PostCommitmentUpdateInput = z.output<typeof postCommitmentUpdateSchema>;

/** A paragraph of a FINAL version becomes a recommendation; its text is the paragraph's unless texts are given. */
export const markRecommendationSchema = formObject(
  z.object({
    versionId: id,
    anchor: z.string().trim().regex(ANCHOR_PATTERN, { message: "champions.invalidAnchor" }),
    addressee: z.enum(ADDRESSEES),
    objectives,
    status: z.preprocess(blankToUndefined, status.default("ANNOUNCED")),
    texts: z.preprocess((value) => (isBlankRow(value) || blank(value) ? undefined : value), texts.optional()),
  }),
);
export type MarkRecommendationInput = z.output<typeof markRecommendationSchema>;

// ─── Civil society's assessments ────────────────────────────────────────────────────────────

export const assessCommitmentSchema = formObject(
  z.object({
    commitmentId: id,
    organizationId: organizationChoice,
    language,
    progress: status,
    progressNote: optionalMultiLineText({ max: CHAMPION_LIMITS.note }),
    inclusion,
    inclusionNote: optionalMultiLineText({ max: CHAMPION_LIMITS.note }),
    rightsCentred: z.enum(RIGHTS_CENTRED),
    /** Why: required whatever the answer. */
    rightsNote: multiLineText({ max: CHAMPION_LIMITS.note }),
    evidence: optionalMultiLineText({ max: CHAMPION_LIMITS.evidence }),
    links,
  }),
);
export type AssessCommitmentInput = z.output<typeof assessCommitmentSchema>;

export const hideAssessmentSchema = z.object({ assessmentId: id, reason: multiLineText({ max: CHAMPION_LIMITS.reason }) });
export const unhideAssessmentSchema = z.object({ assessmentId: id });

// ─── Suggestions ────────────────────────────────────────────────────────────────────────────

export const suggestInitiativeSchema = z.object({
  organizationId: organizationChoice,
  country: countryCode,
  language,
  title: singleLineText({ max: CHAMPION_LIMITS.title }),
  description: multiLineText({ max: CHAMPION_LIMITS.description }),
  publicBody: optionalSingleLineText({ max: CHAMPION_LIMITS.publicBody }),
  sourceUrl: z.preprocess(blankToUndefined, webLink.optional()),
});
export type SuggestInitiativeInput = z.output<typeof suggestInitiativeSchema>;

/** Accepting may add the objectives staff read in it; the rest comes from the suggestion. */
export const acceptSuggestionSchema = z.object({ suggestionId: id, objectives });
export const declineSuggestionSchema = z.object({ suggestionId: id, reason: multiLineText({ max: CHAMPION_LIMITS.reason }) });

// ─── History ────────────────────────────────────────────────────────────────────────────────

/** What each revision keeps (CommitmentRevision.snapshot): the commitment as it stood after the change. */
export const commitmentSnapshotSchema = z.object({
  change: z.enum(["created", "edited", "update_posted", "recommendation_marked", "suggestion_accepted"]),
  kind: z.enum(COMMITMENT_KINDS),
  country: z.string().nullable(),
  publicBody: z.string().nullable(),
  addressee: z.enum(ADDRESSEES).nullable(),
  reportVersionId: z.string().nullable(),
  paragraphAnchor: z.string().nullable(),
  objectives: z.array(z.number().int()),
  status: status,
  previousStatus: status.nullable(),
  inclusion,
  inclusionEvidence: z.string().nullable(),
  texts: z.partialRecord(language, z.object({ title: z.string(), description: z.string() })),
  milestones: z.array(z.object({ label: z.string(), language, plannedOn: z.iso.date(), doneOn: z.iso.date().nullable() })),
  sources: z.array(z.object({ title: z.string(), publisher: z.string().nullable(), publishedOn: z.iso.date().nullable(), url: z.string() })),
  /** The dated update this revision posted, if it was one. */
  updateId: z.string().nullable(),
});
export type CommitmentSnapshot = z.output<typeof commitmentSnapshotSchema>;
