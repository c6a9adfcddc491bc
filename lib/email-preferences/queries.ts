import { db } from "@/lib/db/client";
import type { EmailCadence, EmailCategory } from "@/lib/generated/prisma/enums";
import { DEFAULT_CADENCE, EMAIL_CATEGORIES } from "./categories";

export type EmailPreferences = Record<EmailCategory, EmailCadence>;

/** Fills the categories without a row with the default. */
export function withDefaults(rows: readonly { category: EmailCategory; cadence: EmailCadence }[]): EmailPreferences {
  const chosen = new Map(rows.map((r) => [r.category, r.cadence]));
  return Object.fromEntries(EMAIL_CATEGORIES.map((c) => [c, chosen.get(c) ?? DEFAULT_CADENCE])) as EmailPreferences;
}

/** A person's cadence per category (theirs only: the page passes the actor's id). */
export async function emailPreferencesOf(userId: string): Promise<EmailPreferences> {
  return withDefaults(await db.emailPreference.findMany({ where: { userId }, select: { category: true, cadence: true } }));
}
