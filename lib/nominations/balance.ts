import type { Gender, Locale, NominationStatus, OrganizationType, Subregion } from "@/lib/generated/prisma/enums";
import { SUBREGIONS, subregionFor } from "@/lib/organizations/subregions";
import { locales } from "@/i18n/routing";
import { GENDERS } from "./schemas";

// The balance of a slate (the selected speakers of one session) and of the pool it is chosen
// from (everyone who accepted), as counts, and the warning the committee must acknowledge
// before making the slate worse. Pure functions: pages and commands share them.

/** One gender or one sub-region may hold at most this share of the session's seats without a warning. */
export const BALANCE_THRESHOLD = 0.6;

/** The key of a gender nobody stated (null in the database). */
export const GENDER_NOT_STATED = "NOT_STATED";

/** A row of the gender count: one of the choices, or nobody stated it. */
export type GenderKey = Gender | typeof GENDER_NOT_STATED;

/** The gender rows, in the order forms offer the choices, "not stated" last. */
export const GENDER_KEYS: readonly GenderKey[] = [...GENDERS, GENDER_NOT_STATED];

/** What the balance needs to know about one speaker. */
export type SlateMember = {
  /** The choice; null when not stated. A self-description is never counted. */
  gender: Gender | null;
  subregion: Subregion;
  /** Null for a nominee without an account: their organization's type is unknown. */
  organizationType: OrganizationType | null;
  languages: readonly Locale[];
  /** Never SELECTED at an earlier session. */
  firstTime: boolean;
};

export type BalanceWarning =
  | { dimension: "gender"; key: Gender; count: number; seats: number }
  | { dimension: "subregion"; key: Subregion; count: number; seats: number };

/** The counts of a group of people (a slate or a pool). */
export type BalanceCounts = {
  /** How many people are counted. */
  people: number;
  gender: Record<GenderKey, number>;
  subregion: Record<Subregion, number>;
  migrantLed: number;
  diaspora: number;
  /** Speakers without an account: whether their organization is migrant-led or diaspora is unknown. */
  organizationUnknown: number;
  languages: Record<Locale, number>;
  firstTime: number;
  returning: number;
};

/** A slate's counts against the session's seats, with its warnings. */
export type Balance = BalanceCounts & {
  seats: number;
  filled: number;
  warnings: BalanceWarning[];
};

/** Statuses of everyone who accepted and has not withdrawn: the pool a slate is chosen from (the slate included). */
export const POOL_STATUSES: readonly NominationStatus[] = ["ACCEPTED", "SELECTED", "NOT_SELECTED"];

/** Whether a nomination belongs to the pool. */
export const inPool = (status: NominationStatus) => POOL_STATUSES.includes(status);

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
    nomineeGender: Gender | null;
    languages: readonly Locale[];
    nomineeOrganization: { subregion: Subregion; type: OrganizationType } | null;
  },
  earlier: EarlierSpeakers,
): SlateMember {
  return {
    gender: nomination.nomineeGender,
    subregion: nomineeSubregion(nomination),
    organizationType: nomination.nomineeOrganization?.type ?? null,
    languages: nomination.languages,
    firstTime: isFirstTimeSpeaker(nomination, earlier),
  };
}

/** The counts of `people`: each person once per row, whatever they wrote about themselves. */
export function countBalance(people: readonly SlateMember[]): BalanceCounts {
  const gender = Object.fromEntries(GENDER_KEYS.map((g) => [g, 0])) as Record<GenderKey, number>;
  const subregion = Object.fromEntries(SUBREGIONS.map((s) => [s, 0])) as Record<Subregion, number>;
  const languages = Object.fromEntries(locales.map((l) => [l, 0])) as Record<Locale, number>;
  let migrantLed = 0;
  let diaspora = 0;
  let organizationUnknown = 0;
  let firstTime = 0;
  for (const member of people) {
    gender[member.gender ?? GENDER_NOT_STATED] += 1;
    subregion[member.subregion] += 1;
    for (const language of new Set(member.languages)) languages[language] += 1;
    if (member.organizationType === null) organizationUnknown += 1;
    else if (member.organizationType === "MIGRANT_LED") migrantLed += 1;
    else if (member.organizationType === "DIASPORA") diaspora += 1;
    if (member.firstTime) firstTime += 1;
  }
  return { people: people.length, gender, subregion, migrantLed, diaspora, organizationUnknown, languages, firstTime, returning: people.length - firstTime };
}

/** The balance of `slate` in a session with `seats` seats in all (panelists, rapporteur and moderator). */
export function computeBalance(slate: readonly SlateMember[], seats: number): Balance {
  const counts = countBalance(slate);
  const warnings: BalanceWarning[] = [];
  const over = (count: number) => seats > 0 && count / seats > BALANCE_THRESHOLD;
  // Not stating a gender, or preferring not to say, is not "one gender": it never warns.
  for (const g of GENDERS) if (g !== "PREFERS_NOT_TO_SAY" && over(counts.gender[g])) warnings.push({ dimension: "gender", key: g, count: counts.gender[g], seats });
  for (const s of SUBREGIONS) if (over(counts.subregion[s])) warnings.push({ dimension: "subregion", key: s, count: counts.subregion[s], seats });
  return { ...counts, seats, filled: slate.length, warnings };
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
