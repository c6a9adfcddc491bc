import type { Locale, OrganizationType, Subregion } from "@/lib/generated/prisma/enums";
import { SUBREGIONS, subregionFor } from "@/lib/organizations/subregions";
import { locales } from "@/i18n/routing";

// The balance of a slate (the selected speakers of one session), as counts, and the warning the
// committee must acknowledge before making it worse. Pure functions: pages and commands share them.

/** One gender or one sub-region may hold at most this share of the session's seats without a warning. */
export const BALANCE_THRESHOLD = 0.6;

/** The key of a gender nobody stated. */
export const GENDER_NOT_STATED = "";

/** What the balance needs to know about one speaker. */
export type SlateMember = {
  /** Normalized (normalizeGender); "" when not stated. */
  gender: string;
  subregion: Subregion;
  /** Null for a nominee without an account: their organization's type is unknown. */
  organizationType: OrganizationType | null;
  languages: readonly Locale[];
  /** Never SELECTED at an earlier session. */
  firstTime: boolean;
};

export type BalanceWarning = { dimension: "gender" | "subregion"; key: string; count: number; seats: number };

export type Balance = {
  seats: number;
  filled: number;
  /** By normalized gender, most first; "" is "not stated". */
  gender: { key: string; count: number }[];
  subregion: Record<Subregion, number>;
  migrantLed: number;
  diaspora: number;
  /** Speakers without an account: whether their organization is migrant-led or diaspora is unknown. */
  organizationUnknown: number;
  languages: Record<Locale, number>;
  firstTime: number;
  returning: number;
  warnings: BalanceWarning[];
};

/** Self-described gender as counted: trimmed, spaces collapsed, lower case; empty means "not stated". */
export function normalizeGender(value: string | null | undefined): string {
  return (value ?? "").trim().replace(/\s+/g, " ").toLocaleLowerCase("und");
}

/** A nominee's sub-region: their organization's in Puente, else the one of the country typed. */
export function nomineeSubregion(nomination: { nomineeCountry: string; nomineeOrganization: { subregion: Subregion } | null }): Subregion {
  return nomination.nomineeOrganization?.subregion ?? subregionFor(nomination.nomineeCountry);
}

/** People who were SELECTED at an earlier session: by account and by email (lower case). */
export type EarlierSpeakers = { userIds: ReadonlySet<string>; emails: ReadonlySet<string> };

export const NO_EARLIER_SPEAKERS: EarlierSpeakers = { userIds: new Set(), emails: new Set() };

/** Whether this nominee never spoke at an earlier session (recognized by account or by email). */
export function isFirstTimeSpeaker(nomination: { nomineeUserId: string | null; nomineeEmail: string }, earlier: EarlierSpeakers): boolean {
  if (nomination.nomineeUserId && earlier.userIds.has(nomination.nomineeUserId)) return false;
  return !earlier.emails.has(nomination.nomineeEmail.trim().toLowerCase());
}

/** The balance's view of one nomination. */
export function slateMember(
  nomination: {
    nomineeUserId: string | null;
    nomineeEmail: string;
    nomineeCountry: string;
    nomineeGender: string | null;
    languages: readonly Locale[];
    nomineeOrganization: { subregion: Subregion; type: OrganizationType } | null;
  },
  earlier: EarlierSpeakers,
): SlateMember {
  return {
    gender: normalizeGender(nomination.nomineeGender),
    subregion: nomineeSubregion(nomination),
    organizationType: nomination.nomineeOrganization?.type ?? null,
    languages: nomination.languages,
    firstTime: isFirstTimeSpeaker(nomination, earlier),
  };
}

/** The balance of `slate` in a session with `seats` seats in all (panelists, rapporteur and moderator). */
export function computeBalance(slate: readonly SlateMember[], seats: number): Balance {
  const genders = new Map<string, number>();
  const subregion = Object.fromEntries(SUBREGIONS.map((s) => [s, 0])) as Record<Subregion, number>;
  const languages = Object.fromEntries(locales.map((l) => [l, 0])) as Record<Locale, number>;
  let migrantLed = 0;
  let diaspora = 0;
  let organizationUnknown = 0;
  let firstTime = 0;
  for (const member of slate) {
    const gender = normalizeGender(member.gender);
    genders.set(gender, (genders.get(gender) ?? 0) + 1);
    subregion[member.subregion] += 1;
    for (const language of new Set(member.languages)) languages[language] += 1;
    if (member.organizationType === null) organizationUnknown += 1;
    else if (member.organizationType === "MIGRANT_LED") migrantLed += 1;
    else if (member.organizationType === "DIASPORA") diaspora += 1;
    if (member.firstTime) firstTime += 1;
  }
  const gender = [...genders.entries()]
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));

  const warnings: BalanceWarning[] = [];
  const over = (count: number) => seats > 0 && count / seats > BALANCE_THRESHOLD;
  // A gender nobody stated is not "one gender": it never triggers the warning.
  for (const { key, count } of gender) if (key !== GENDER_NOT_STATED && over(count)) warnings.push({ dimension: "gender", key, count, seats });
  for (const s of SUBREGIONS) if (over(subregion[s])) warnings.push({ dimension: "subregion", key: s, count: subregion[s], seats });

  return {
    seats,
    filled: slate.length,
    gender,
    subregion,
    migrantLed,
    diaspora,
    organizationUnknown,
    languages,
    firstTime,
    returning: slate.length - firstTime,
    warnings,
  };
}

/**
 * The balance the slate would have with `candidate` selected: its warnings are what the
 * committee must acknowledge, with a reason, before selecting into it.
 */
export function balanceIfSelected(slate: readonly SlateMember[], candidate: SlateMember, seats: number): Balance {
  return computeBalance([...slate, candidate], seats);
}

/** Seats of a session in all. */
export const totalSeats = (session: { panelistSeats: number; rapporteurSeats: number; moderatorSeats: number }) =>
  session.panelistSeats + session.rapporteurSeats + session.moderatorSeats;
