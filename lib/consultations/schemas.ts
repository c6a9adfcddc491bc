import { z } from "zod";
import { voiceFields } from "@/lib/dialogue/schemas";
import { unflatten } from "@/lib/forms/unflatten";
import { isGcmObjective } from "@/lib/gcm/objectives";
import { calendarDate } from "@/lib/roles/schemas";
import { multiLineText, optionalMultiLineText, optionalSingleLineText } from "@/lib/validation/text";
import { locales, type AppLocale } from "@/i18n/routing";

// Consultations (issue 14): what the owner writes (title, background and questions in the
// languages they write, the days it is open, the languages it takes contributions in and its GCM
// objectives), what participants post, and the synthesis. Every schema reads a plain object or a
// form post, whose per-language texts arrive as flat names ("texts.es.title", "questions.0.es").

// Limits shared by forms (maxLength), commands and tests; they match the columns.
export const CONSULTATION_LIMITS = { title: 200, background: 8000, question: 500, questions: 5, body: 4000, update: 4000, synthesis: 20000, cited: 100 } as const;

const blank = (value: unknown) => value === undefined || value === null || (typeof value === "string" && value.trim() === "");
const toList = (value: unknown) => (blank(value) ? [] : Array.isArray(value) ? value : [value]);
const unique = (list: readonly unknown[]) => new Set(list).size === list.length;
const formObject = <S extends z.ZodType>(schema: S) => z.preprocess(unflatten, schema);
const language = z.enum(locales);

const objective = z.preprocess(
  (value) => (typeof value === "string" && /^\s*\d{1,3}\s*$/.test(value) ? Number(value) : value),
  z.number().int().refine(isGcmObjective, { message: "consultations.invalidObjective" }),
);

/** A text per language ({ es?, en?, pt?, fr? }); blank languages are dropped. */
const localized = (max: number) =>
  z.preprocess(
    (value) => (value && typeof value === "object" && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).filter(([, v]) => !blank(v))) : value),
    z.strictObject({
      es: optionalSingleLineText({ max }),
      en: optionalSingleLineText({ max }),
      pt: optionalSingleLineText({ max }),
      fr: optionalSingleLineText({ max }),
    }),
  );
const hasOne = (value: Partial<Record<AppLocale, string | undefined>>) => locales.some((l) => !!value[l]);

const textEntry = z.object({ title: optionalSingleLineText({ max: CONSULTATION_LIMITS.title }), background: optionalMultiLineText({ max: CONSULTATION_LIMITS.background }) });
const isBlankRow = (row: unknown) => !!row && typeof row === "object" && !Array.isArray(row) && Object.values(row).every(blank);
const dropBlankRows = (value: unknown) =>
  value && typeof value === "object" && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).filter(([, row]) => !isBlankRow(row))) : value;

/** Title and background per language: a title in at least one, and one wherever there is a background. */
const texts = z.preprocess(
  dropBlankRows,
  z.strictObject({ es: textEntry.optional(), en: textEntry.optional(), pt: textEntry.optional(), fr: textEntry.optional() }).superRefine((value, ctx) => {
    if (!locales.some((l) => value[l]?.title)) ctx.addIssue({ code: "custom", path: ["es", "title"], message: "consultations.titleRequired" });
    for (const l of locales) {
      if (value[l]?.background && !value[l]?.title) ctx.addIssue({ code: "custom", path: [l, "title"], message: "consultations.titleRequired" });
    }
  }),
);
export type ConsultationTexts = Partial<Record<AppLocale, { title?: string; background?: string }>>;

/** The consultation as the owner writes it: the whole of it, on creating and on editing a draft. */
const consultationFields = z
  .object({
    texts,
    // Blank rows (a question left empty in the form) are dropped; at least one remains.
    questions: z
      .preprocess((v) => toList(v).filter((row) => !isBlankRow(row)), z.array(localized(CONSULTATION_LIMITS.question)).max(CONSULTATION_LIMITS.questions))
      .refine((list) => list.length > 0 && list.every(hasOne), { message: "consultations.questionRequired" }),
    languages: z.preprocess(toList, z.array(language).min(1, { message: "consultations.languageRequired" })).refine(unique, { message: "consultations.duplicateLanguage" }),
    objectives: z
      .preprocess(toList, z.array(objective).min(1, { message: "consultations.objectiveRequired" }).max(23))
      .refine(unique, { message: "consultations.duplicateObjective" })
      .transform((list) => [...list].sort((a, b) => a - b)),
    opensOn: calendarDate,
    closesOn: calendarDate,
  })
  .superRefine((value, ctx) => {
    if (value.closesOn < value.opensOn) ctx.addIssue({ code: "custom", path: ["closesOn"], message: "consultations.closesBeforeOpening" });
  });

export const createConsultationSchema = formObject(consultationFields);
export const updateConsultationSchema = formObject(z.intersection(z.object({ consultationId: z.uuid() }), consultationFields));
export const consultationIdSchema = z.object({ consultationId: z.uuid() });

const blankToUndefined = (value: unknown) => (blank(value) ? undefined : value);

/** A pseudonymous voice needs the vouching organization. */
function requireVoiceOrganization(value: { voice: "self" | "pseudonym"; organizationId?: string }, ctx: z.RefinementCtx) {
  if (value.voice === "pseudonym" && !value.organizationId) ctx.addIssue({ code: "custom", path: ["organizationId"], message: "dialogue.chooseOrganization" });
}

/** A contribution to a question, or (with `parentId`) a reply to a contribution, which names the question itself. */
export const contributeSchema = z
  .object({
    questionId: z.preprocess(blankToUndefined, z.uuid().optional()),
    parentId: z.preprocess(blankToUndefined, z.uuid().optional()),
    language,
    body: multiLineText({ min: 10, max: CONSULTATION_LIMITS.body }),
    ...voiceFields,
  })
  .superRefine(requireVoiceOrganization)
  .superRefine((value, ctx) => {
    if (!value.questionId && !value.parentId) ctx.addIssue({ code: "custom", path: ["questionId"], message: "consultations.chooseQuestion" });
  });

export const supportContributionSchema = z.object({ contributionId: z.uuid(), ...voiceFields }).superRefine(requireVoiceOrganization);

/** A contribution named by its id alone: taking back one's support. */
export const contributionRefSchema = z.object({ contributionId: z.uuid() });

/** An information update from the owner, in their language. */
export const postUpdateSchema = z.object({ consultationId: z.uuid(), language, body: multiLineText({ min: 10, max: CONSULTATION_LIMITS.update }) });

/** The synthesis: Markdown per language (at least one), and the contributions it draws on (checkboxes). */
export const publishSynthesisSchema = formObject(
  z.object({
    consultationId: z.uuid(),
    synthesis: z.preprocess(
      (value) => (value && typeof value === "object" && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).filter(([, v]) => !blank(v))) : value),
      z
        .strictObject({
          es: optionalMultiLineText({ max: CONSULTATION_LIMITS.synthesis }),
          en: optionalMultiLineText({ max: CONSULTATION_LIMITS.synthesis }),
          pt: optionalMultiLineText({ max: CONSULTATION_LIMITS.synthesis }),
          fr: optionalMultiLineText({ max: CONSULTATION_LIMITS.synthesis }),
        })
        .refine(hasOne, { message: "consultations.synthesisRequired", path: ["es"] }),
    ),
    citedIds: z.preprocess(toList, z.array(z.uuid()).max(CONSULTATION_LIMITS.cited)).refine(unique, { message: "consultations.duplicateContribution" }),
  }),
);

export type CreateConsultationInput = z.input<typeof createConsultationSchema>;
