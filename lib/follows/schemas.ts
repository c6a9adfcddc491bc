import { z } from "zod";
import type { FollowSubject } from "@/lib/generated/prisma/enums";
import { isCountryCode } from "@/lib/i18n/countries";

/** Everything a person may follow: a country (its code), or an item (its id). */
export const FOLLOW_SUBJECTS = ["COUNTRY", "COMMITMENT", "PROPOSAL", "SESSION", "CONSULTATION"] as const satisfies readonly FollowSubject[];
export type FollowSubjectName = (typeof FOLLOW_SUBJECTS)[number];

const itemId = z.uuid();

/**
 * The subject and key of a follow, for the given subjects: a country's code in capitals, or an
 * item's id in lower case, so one item is one key. `messages` name the catalogue keys of the
 * caller's capability (champions keeps its own).
 */
export function followSchemaFor<S extends FollowSubjectName>(subjects: readonly [S, ...S[]], messages: { country: string; item: string }) {
  return z.object({ subject: z.enum(subjects), key: z.string().trim().min(1).max(64) }).transform((value, ctx) => {
    if (value.subject === "COUNTRY") {
      const code = value.key.toUpperCase();
      if (!isCountryCode(code)) ctx.addIssue({ code: "custom", path: ["key"], message: messages.country });
      return { subject: value.subject, key: code };
    }
    if (!itemId.safeParse(value.key).success) ctx.addIssue({ code: "custom", path: ["key"], message: messages.item });
    return { subject: value.subject, key: value.key.toLowerCase() };
  });
}

/** Input of follows.follow and follows.unfollow: { subject, key }. */
export const followSchema = followSchemaFor(FOLLOW_SUBJECTS, { country: "follows.invalidCountry", item: "follows.invalidKey" });
export type FollowInput = z.output<typeof followSchema>;
