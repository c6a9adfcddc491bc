import { isStaff, type Actor } from "@/lib/auth/actor";
import { refuse, type Refusal } from "@/lib/errors";
import type { CommitmentKind, OrganizationStatus, OrganizationType, SuggestionStatus } from "@/lib/generated/prisma/enums";
import { INCLUSION_LEVELS, type InclusionLevelName } from "./schemas";

// Who may do what with champion States, commitments, assessments, suggestions and follows:
// plain functions of (actor, rows), deny by default. The command refuses with the refusal, the
// page shows the button only when it is null.

/** An initiative with no dated update or change for this many days reads as "not updated". */
export const NOT_UPDATED_AFTER_DAYS = 90;
const DAY_MS = 86_400_000;

/** Whether `NOT_UPDATED_AFTER_DAYS` whole days (or more) passed since the last update or change. */
export const isNotUpdated = (c: { lastUpdatedAt: Date }, now: Date): boolean =>
  now.getTime() - c.lastUpdatedAt.getTime() >= NOT_UPDATED_AFTER_DAYS * DAY_MS;

/** The UTC calendar day of an instant, as a comparable number (date columns are UTC midnights). */
const dayOf = (date: Date) => Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());

/** Whether `country` is a champion on `day`: a term started on or before it and not ended before it (the end day counts). */
export function isChampionOn(terms: readonly { country: string; startsOn: Date; endsOn: Date | null }[], country: string, day: Date): boolean {
  const d = dayOf(day);
  return terms.some((t) => t.country === country.toUpperCase() && dayOf(t.startsOn) <= d && (t.endsOn === null || d <= dayOf(t.endsOn)));
}

/** Position on the inclusion ladder (NOT_INCLUDED 0 … CO_LED 4): pages compare two accounts with it. */
export const inclusionRank = (level: InclusionLevelName): number => INCLUSION_LEVELS.indexOf(level);

/** Staff (admins are staff) keep the champion list, write commitments and their updates, moderate and decide suggestions. */
export const canManageChampions = (actor: Actor | null): actor is Actor => isStaff(actor);

/** Any signed-in person follows countries and commitments (the rule of lib/follows). */
export { canFollow } from "@/lib/follows/policy";

/** The actor's verified organizations: the only ones that assess and suggest. */
export const verifiedMemberships = (actor: Actor | null) => actor?.memberships.filter((m) => m.organizationStatus === "VERIFIED") ?? [];

/** A member of a verified organization (checked again against the database by the command). */
export const canSuggestInitiative = (actor: Actor | null, memberOfVerified: boolean): actor is Actor => !!actor && memberOfVerified;

/** Someone who may assess something: a member of at least one verified organization. */
export const canAssessAny = (actor: Actor | null): actor is Actor => verifiedMemberships(actor).length > 0;

type AssessingOrganization = { id: string; status: OrganizationStatus; country: string; type: OrganizationType };

/**
 * Whether `organization` may assess `commitment`, signed by the actor. `organization` and
 * `isMember` are read from the database, never from the form. An initiative is assessed by
 * verified organizations of its country and by regional networks; a recommendation by any
 * verified organization.
 */
export function assessRefusal(
  actor: Actor | null,
  commitment: { kind: CommitmentKind; country: string | null },
  organization: AssessingOrganization | null,
  isMember: boolean,
): Refusal | null {
  if (!actor) return refuse.notSignedIn();
  if (!organization || !isMember) return refuse.field("organizationId", "champions.notYourOrganization");
  if (organization.status !== "VERIFIED") return refuse.forbidden("champions.organizationNotVerified");
  if (commitment.kind === "RECOMMENDATION") return null;
  if (organization.type === "REGIONAL_NETWORK" || organization.country === commitment.country) return null;
  return refuse.forbidden("champions.notYourCountry");
}

/** Whether an organization (without the membership question) fits the commitment: the page lists these. */
export const organizationFits = (commitment: { kind: CommitmentKind; country: string | null }, organization: { country: string; type: OrganizationType }) =>
  commitment.kind === "RECOMMENDATION" || organization.type === "REGIONAL_NETWORK" || organization.country === commitment.country;

/** A new initiative's State must be a champion on the day it is written. */
export const championCountryRefusal = (terms: Parameters<typeof isChampionOn>[0], country: string, day: Date): Refusal | null =>
  isChampionOn(terms, country, day) ? null : refuse.field("country", "champions.notChampion");

/** A country is a champion through one term at a time: a new term may not overlap an open or later one. */
export function termOverlapRefusal(terms: readonly { startsOn: Date; endsOn: Date | null }[], startsOn: Date, endsOn: Date | null): Refusal | null {
  const start = dayOf(startsOn);
  const end = endsOn ? dayOf(endsOn) : Number.POSITIVE_INFINITY;
  const overlaps = terms.some((t) => dayOf(t.startsOn) <= end && start <= (t.endsOn ? dayOf(t.endsOn) : Number.POSITIVE_INFINITY));
  return overlaps ? refuse.field("country", "champions.termOverlaps") : null;
}

/** Ending a term: on or after its first day, and not later than an end it already has. */
export function endTermRefusal(term: { startsOn: Date; endsOn: Date | null }, endsOn: Date): Refusal | null {
  if (dayOf(endsOn) < dayOf(term.startsOn)) return refuse.field("endsOn", "champions.endBeforeStart");
  if (term.endsOn && dayOf(term.endsOn) <= dayOf(endsOn)) return refuse.conflict("champions.termAlreadyEnded");
  return null;
}

/** A dated update speaks of a day that has come (the clock of the server, in UTC). */
export const reportedOnRefusal = (reportedOn: Date, now: Date): Refusal | null =>
  dayOf(reportedOn) > dayOf(now) ? refuse.field("reportedOn", "champions.reportedInFuture") : null;

/** Only a final report's paragraphs become recommendations. */
export const recommendationVersionRefusal = (version: { status: string } | null): Refusal | null => {
  if (!version) return refuse.field("versionId", "champions.versionNotFound");
  return version.status === "FINAL" ? null : refuse.conflict("champions.reportNotFinal");
};

/** Hiding needs a visible assessment; unhiding a hidden one. */
export const hideAssessmentRefusal = (assessment: { hiddenAt: Date | null }): Refusal | null =>
  assessment.hiddenAt ? refuse.conflict("champions.alreadyHidden") : null;
export const unhideAssessmentRefusal = (assessment: { hiddenAt: Date | null }): Refusal | null =>
  assessment.hiddenAt ? null : refuse.conflict("champions.notHidden");

/** A suggestion is decided once: accepted or declined, never both, never again. */
export const suggestionDecisionRefusal = (suggestion: { status: SuggestionStatus }): Refusal | null =>
  suggestion.status === "PENDING" ? null : refuse.conflict("champions.alreadyDecided");

/** A suggestion signed with one of the actor's organizations, read fresh: verified, and the actor a member. */
export const suggestingOrganizationRefusal = (organization: { status: OrganizationStatus } | null): Refusal | null =>
  organization && organization.status === "VERIFIED" ? null : refuse.field("organizationId", "champions.notYourOrganization");

/** An edit made on a page showing an older revision is refused rather than undoing someone else's. */
export const staleRevisionRefusal = (current: number, expected: number | undefined): Refusal | null =>
  expected === undefined || expected === current ? null : refuse.conflict("champions.staleRevision");
