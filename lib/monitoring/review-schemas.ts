import { z } from "zod";
import { MonitoringCategory } from "@/lib/generated/prisma/enums";
import { isCountryCode } from "@/lib/i18n/countries";
import { multiLineText, optionalSingleLineText, singleLineText } from "@/lib/validation/text";
import { locales } from "@/i18n/routing";

// Inputs of the reviewers' commands (issue 13), shared by the forms, the commands and the tests.

export const REVIEW_LIMITS = { referredTo: 300, message: 4000, title: 200, body: 4000, region: 120, reason: 1000 } as const;

/**
 * The retaliation-risk checklist: every question answered, and a summary goes to approval only
 * when every answer is "no". Posted as risk_<question> = "yes" | "no".
 */
export const RISK_QUESTIONS = ["identifiesPerson", "identifiesReporter", "placeTooPrecise", "dateTooPrecise", "retaliationRisk"] as const;
export type RiskQuestion = (typeof RISK_QUESTIONS)[number];
export const riskField = (q: RiskQuestion) => `risk_${q}` as const;

/** Statuses a reviewer sets directly; REFERRED goes through referCase. */
export const SETTABLE_STATUSES = ["UNDER_REVIEW", "VERIFIED", "NOT_VERIFIED", "DUPLICATE"] as const;

const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const id = z.uuid();
const caseRef = { reportId: id };

export const caseSchema = z.object(caseRef);
export const assignCaseSchema = z.object({ ...caseRef, assigneeId: z.preprocess(blankToUndefined, id.optional()) });
export const changeCaseStatusSchema = z.object({ ...caseRef, status: z.enum(SETTABLE_STATUSES) });
export const referCaseSchema = z.object({ ...caseRef, referredTo: singleLineText({ max: REVIEW_LIMITS.referredTo }) });
export const messageReporterSchema = z.object({ ...caseRef, body: multiLineText({ max: REVIEW_LIMITS.message }) });

const yesNo = z.enum(["yes", "no"]).transform((v) => v === "yes");
/** "2025-03": the first day of that month (the summary is month-level at most). */
const month = z
  .string()
  .trim()
  .regex(/^(20\d{2})-(0[1-9]|1[0-2])$/, { message: "monitoringReview.invalidMonth" })
  .transform((value) => new Date(`${value}-01T00:00:00.000Z`));
const toList = (value: unknown) => (value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value]);

export const writeSummarySchema = z.object({
  ...caseRef,
  language: z.enum(locales),
  title: singleLineText({ max: REVIEW_LIMITS.title }),
  body: multiLineText({ max: REVIEW_LIMITS.body }),
  country: z.preprocess(
    (v) => (typeof v === "string" ? v.trim().toUpperCase() : v),
    z.string().min(1).refine(isCountryCode, { message: "monitoringReview.invalidCountry" }),
  ),
  region: optionalSingleLineText({ max: REVIEW_LIMITS.region }),
  month,
  categories: z.preprocess(toList, z.array(z.enum(MonitoringCategory)).min(1).max(8)).refine((l) => new Set(l).size === l.length, { message: "invalidChoice" }),
  ...(Object.fromEntries(RISK_QUESTIONS.map((q) => [riskField(q), yesNo])) as Record<`risk_${RiskQuestion}`, typeof yesNo>),
});

export const summarySchema = z.object({ summaryId: id });
export const withdrawSummarySchema = z.object({ summaryId: id, reason: multiLineText({ max: REVIEW_LIMITS.reason }) });
export const eraseExpiredContactsSchema = z.object({});

/** The checklist as stored: { question: true when the answer is "yes" (a risk) }. */
export const checklistOf = (input: z.output<typeof writeSummarySchema>): Record<RiskQuestion, boolean> =>
  Object.fromEntries(RISK_QUESTIONS.map((q) => [q, input[riskField(q)]])) as Record<RiskQuestion, boolean>;

/** A stored checklist read back; a missing or non-boolean answer is "not answered" (absent). */
export function parseChecklist(value: unknown): Partial<Record<RiskQuestion, boolean>> {
  const out: Partial<Record<RiskQuestion, boolean>> = {};
  if (!value || typeof value !== "object" || Array.isArray(value)) return out;
  for (const q of RISK_QUESTIONS) {
    const answer = (value as Record<string, unknown>)[q];
    if (typeof answer === "boolean") out[q] = answer;
  }
  return out;
}
