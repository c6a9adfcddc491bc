import { z } from "zod";
import { unflatten } from "@/lib/forms/unflatten";
import { calendarDate } from "@/lib/roles/schemas";
import { multiLineText, optionalMultiLineText, singleLineText } from "@/lib/validation/text";
import { locales, type AppLocale } from "@/i18n/routing";

// Evaluations of the process: what staff and the committee write (titles, intros, questions in
// up to four languages, the days it is open) and what participants answer. Every schema reads a
// plain object or a form post, whose per-language texts arrive as flat names ("texts.es.title").

export const EVALUATION_SCOPES = ["session", "review"] as const;
export const QUESTION_KINDS = ["SCALE", "TEXT"] as const;
export const SCALE_POINTS = [1, 2, 3, 4, 5] as const;
/** Below this many answers no figure is shown: a handful of answers could point at a person. */
export const MIN_RESPONDENTS = 5;

// Limits shared by forms (maxLength), commands and tests.
export const EVALUATION_LIMITS = { title: 200, intro: 4000, question: 500, label: 80, answer: 4000, questions: 30 } as const;

const blank = (value: unknown) => value === undefined || value === null || (typeof value === "string" && value.trim() === "");
const isBlankRow = (row: unknown) =>
  !!row && typeof row === "object" && !Array.isArray(row) && Object.values(row as Record<string, unknown>).every(blank);

/** `{ es?: {...}, en?: …, pt?: …, fr?: … }` with at least one language; a language left blank is dropped. */
function perLanguage<S extends z.ZodType>(entry: S) {
  return z.preprocess(
    (value) => {
      if (!value || typeof value !== "object" || Array.isArray(value)) return value;
      return Object.fromEntries(Object.entries(value).filter(([, pair]) => !isBlankRow(pair)));
    },
    z
      .strictObject({ es: entry.optional(), en: entry.optional(), pt: entry.optional(), fr: entry.optional() })
      .refine((value) => Object.values(value).some(Boolean), { message: "evaluations.oneLanguageRequired" }),
  );
}

const formObject = <S extends z.ZodType>(schema: S) => z.preprocess(unflatten, schema);
const optionalUuid = z.preprocess((v) => (blank(v) ? undefined : v), z.uuid().optional());

const evaluationTexts = perLanguage(
  z.object({
    title: singleLineText({ max: EVALUATION_LIMITS.title }),
    intro: optionalMultiLineText({ max: EVALUATION_LIMITS.intro }),
  }),
);
export type EvaluationTexts = Partial<Record<AppLocale, { title: string; intro?: string }>>;

const dates = {
  opensOn: calendarDate,
  closesOn: calendarDate,
};
const closesAfterOpening = (value: { opensOn?: Date; closesOn?: Date }, ctx: z.core.$RefinementCtx) => {
  if (value.opensOn && value.closesOn && value.closesOn < value.opensOn) {
    ctx.addIssue({ code: "custom", path: ["closesOn"], message: "evaluations.closesBeforeOpening" });
  }
};

/** A new evaluation: of one session (its id) or of the review as a whole. */
export const createEvaluationSchema = formObject(
  z
    .object({ scope: z.enum(EVALUATION_SCOPES), sessionId: optionalUuid, texts: evaluationTexts, ...dates })
    .superRefine(closesAfterOpening)
    .superRefine((value, ctx) => {
      if (value.scope === "session" && !value.sessionId) ctx.addIssue({ code: "custom", path: ["sessionId"], message: "evaluations.chooseSession" });
    }),
);

/** Its texts and days, while it is a draft. */
export const updateEvaluationSchema = formObject(z.object({ evaluationId: z.uuid(), texts: evaluationTexts, ...dates }).superRefine(closesAfterOpening));

const questionText = z.object({
  text: singleLineText({ max: EVALUATION_LIMITS.question }),
  low: z.preprocess((v) => (blank(v) ? undefined : v), singleLineText({ max: EVALUATION_LIMITS.label }).optional()),
  high: z.preprocess((v) => (blank(v) ? undefined : v), singleLineText({ max: EVALUATION_LIMITS.label }).optional()),
});
export type QuestionTexts = Partial<Record<AppLocale, { text: string; low?: string; high?: string }>>;

/** A scale question names both ends in every language it is written in. */
function endsNamed(value: { kind: (typeof QUESTION_KINDS)[number]; texts: QuestionTexts }, ctx: z.core.$RefinementCtx) {
  if (value.kind !== "SCALE") return;
  for (const locale of locales) {
    const entry = value.texts[locale];
    if (!entry) continue;
    if (!entry.low) ctx.addIssue({ code: "custom", path: ["texts", locale, "low"], message: "evaluations.scaleLabelRequired" });
    if (!entry.high) ctx.addIssue({ code: "custom", path: ["texts", locale, "high"], message: "evaluations.scaleLabelRequired" });
  }
}

export const addQuestionSchema = formObject(
  z.object({ evaluationId: z.uuid(), kind: z.enum(QUESTION_KINDS), texts: perLanguage(questionText) }).superRefine(endsNamed),
);
export const updateQuestionSchema = formObject(
  z.object({ questionId: z.uuid(), kind: z.enum(QUESTION_KINDS), texts: perLanguage(questionText) }).superRefine(endsNamed),
);
export const removeQuestionSchema = z.object({ questionId: z.uuid() });
export const evaluationIdSchema = z.object({ evaluationId: z.uuid() });

const score = z.preprocess(
  (v) => (blank(v) ? undefined : typeof v === "string" && /^\s*\d\s*$/.test(v) ? Number(v) : v),
  z.number().int().min(1).max(5).optional(),
);
const answerText = z.preprocess((v) => (blank(v) ? undefined : v), multiLineText({ max: EVALUATION_LIMITS.answer }).optional());

/**
 * The answers: `answers.<questionId>.score` (1–5) or `answers.<questionId>.text`. Any question
 * may be left out; which ones exist and what kind they are is checked against the database.
 */
export const answerEvaluationSchema = formObject(
  z.object({
    evaluationId: z.uuid(),
    answers: z.preprocess(
      (v) => (blank(v) ? {} : v),
      z.record(z.uuid(), z.object({ score, text: answerText }).strict()).refine((r) => Object.keys(r).length <= EVALUATION_LIMITS.questions * 2, {
        message: "evaluations.tooManyAnswers",
      }),
    ),
  }),
);
export type AnswerInput = z.output<typeof answerEvaluationSchema>["answers"];

const DAY_MS = 86_400_000;

/** When answers start: the opening day's first moment anywhere on Earth (UTC+14). */
export const opensAtInstant = (opensOn: Date) => new Date(opensOn.getTime() - 14 * 3_600_000);
/** When answers stop: the closing day's last moment anywhere on Earth (UTC−12). */
export const closesAtInstant = (closesOn: Date) => new Date(closesOn.getTime() + DAY_MS + 12 * 3_600_000);
