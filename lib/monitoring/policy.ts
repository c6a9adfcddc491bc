import { refuse, type Refusal } from "@/lib/errors";
import type { FileReportInput } from "./schemas";

// The reporter's side of monitoring: anyone may file, and whoever holds a receipt code may
// follow that one case. There is no other rule about who: the code is the right.

const startOfTodayUtc = (now: Date) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));

/**
 * Dates in the future are a typing mistake. Today is taken in UTC: every country of the region
 * is behind UTC, so the reporter's "today" is never refused.
 */
export function checkReportDates(input: Pick<FileReportInput, "occurredFrom" | "occurredTo">, now: Date): Refusal | null {
  const today = startOfTodayUtc(now);
  if (input.occurredFrom > today) return refuse.field("occurredFrom", "monitoring.futureDate");
  if (input.occurredTo && input.occurredTo > today) return refuse.field("occurredTo", "monitoring.futureDate");
  return null;
}

/** More links than a person gathers for one case reads as link spam. */
export const SPAM_LINKS = 6;
const LINK = /https?:\/\/|www\./gi;

/**
 * "Possible spam", for the reviewers' queue (never a refusal: a real report must never be
 * lost to a guess). The honeypot filled, or many links across the texts.
 */
export function looksLikeSpam(input: Pick<FileReportInput, "website" | "narrative" | "evidenceLinks" | "evidenceText" | "affected">): boolean {
  if (input.website) return true;
  const inText = [input.narrative, input.affected, input.evidenceText ?? ""].reduce((n, text) => n + (text.match(LINK)?.length ?? 0), 0);
  return inText + input.evidenceLinks.length >= SPAM_LINKS;
}

/** The receipt code matched no report: one answer for a wrong code, a malformed one and an empty one. */
export const noReport = (): Refusal => ({ kind: "not_found", key: "monitoring.noReport" });

/** A closed case takes no more answers (the page says so instead of showing the form). */
export function mayReply(report: { closedAt: Date | null }): Refusal | null {
  return report.closedAt ? refuse.conflict("monitoring.caseClosed") : null;
}
