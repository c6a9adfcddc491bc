import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AccessNeed, Locale, SessionStatus, SpeakerRole } from "@/lib/generated/prisma/enums";
import { forbidden } from "@/lib/errors";
import { asLocalizedText, pickLocalized, type LocalizedText } from "@/lib/i18n/localized-text";
import { publicProposalWhere } from "@/lib/proposals/visibility";
import { locales, type AppLocale } from "@/i18n/routing";
import {
  canManageSessions,
  canRegister,
  canSeeParticipants,
  canSeeSessionLink,
  isOpenForNominations,
  PROPOSAL_TARGET_STATUSES,
  PUBLIC_SESSION_STATUSES,
  showsSpeakers,
  SPEAKERS_PUBLIC_STATUSES,
  showsSummary,
} from "./policy";
import { ACCESS_NEEDS, SPEAKER_ROLES } from "./schemas";
import { isUuid } from "@/lib/validation/ids";

// Reads for the session pages. Each list is one query (Prisma adds one per nested relation),
// so a page costs the same number of queries whatever the number of rows.


/** The columns everyone may read (never the link, never the summary before it is due). */
export const publicSessionSelect = {
  id: true,
  title: true,
  description: true,
  startsAt: true,
  endsAt: true,
  timeZone: true,
  format: true,
  place: true,
  workingLanguages: true,
  interpretation: true,
  objectives: true,
  panelistSeats: true,
  rapporteurSeats: true,
  moderatorSeats: true,
  status: true,
  nominationDeadline: true,
} satisfies Prisma.ReviewSessionSelect;

/** A session in a public list (also the home page's next session). */
export const listSelect = {
  id: true,
  title: true,
  startsAt: true,
  endsAt: true,
  timeZone: true,
  format: true,
  place: true,
  workingLanguages: true,
  interpretation: true,
  objectives: true,
  status: true,
  nominationDeadline: true,
} satisfies Prisma.ReviewSessionSelect;

type ListRow = Prisma.ReviewSessionGetPayload<{ select: typeof listSelect }>;
export type SessionListItem = Omit<ListRow, "title"> & { title: LocalizedText };

export const asListItem = (row: ListRow): SessionListItem => ({ ...row, title: asLocalizedText(row.title) });

/** Sessions per list per page: a list page stays light on an old phone however many the years bring. */
export const SESSIONS_PAGE_SIZE = 8;

/** Sessions everyone may see: never a draft (the list, the session page, the calendar, the open data). */
export const publicSessionWhere = { status: { in: PUBLIC_SESSION_STATUSES } } satisfies Prisma.ReviewSessionWhereInput;

/** Public sessions still ahead or under way (the list's first part, the home page's next session). */
export const upcomingPublicSessionWhere = (now: Date): Prisma.ReviewSessionWhereInput => ({
  ...publicSessionWhere,
  endsAt: { gte: now },
});

/**
 * The public list, a page at a time: sessions still ahead or under way (soonest first) and past
 * ones (latest first), `pageSize` of each per page, with both counts. Drafts are never listed.
 * Four queries.
 */
export async function listPublicSessions(now = new Date(), rawPage: unknown = 1, pageSize = SESSIONS_PAGE_SIZE) {
  const page = Math.max(1, Math.min(10_000, Math.floor(Number(rawPage)) || 1));
  const upcomingWhere = upcomingPublicSessionWhere(now);
  const pastWhere = { ...publicSessionWhere, endsAt: { lt: now } };
  const [upcoming, past, upcomingCount, pastCount] = await Promise.all([
    db.reviewSession.findMany({
      where: upcomingWhere,
      orderBy: [{ startsAt: "asc" }, { id: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: listSelect,
    }),
    db.reviewSession.findMany({
      where: pastWhere,
      orderBy: [{ startsAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: listSelect,
    }),
    db.reviewSession.count({ where: upcomingWhere }),
    db.reviewSession.count({ where: pastWhere }),
  ]);
  const pageCount = Math.max(1, Math.ceil(upcomingCount / pageSize), Math.ceil(pastCount / pageSize));
  return { upcoming: upcoming.map(asListItem), past: past.map(asListItem), upcomingCount, pastCount, page, pageCount };
}

// ─── Speakers ──────────────────────────────────────────────────────────────────────────────

/** A confirmed speaker as the public sees them: only what they allowed; never contact details. */
export type PublicSpeaker = {
  id: string;
  role: SpeakerRole;
  /** null: the speaker asked not to publish their name. */
  name: string | null;
  organizationName: string | null;
  /** Set when the organization is a verified one in Puente (its page can be linked). */
  organizationSlug: string | null;
  bio: string | null;
};

const ROLE_ORDER: Record<SpeakerRole, number> = { MODERATOR: 0, PANELIST: 1, RAPPORTEUR: 2 };

/** Speakers everyone may see: selected, of a session whose slate is confirmed (showsSpeakers). */
export const publicSpeakerWhere: Prisma.NominationWhereInput = { status: "SELECTED", session: { status: { in: SPEAKERS_PUBLIC_STATUSES } } };

/** What a public speaker may reveal, read before the publish flags apply (toPublicSpeaker). */
export const publicSpeakerSelect = {
  id: true,
  role: true,
  nomineeName: true,
  nomineeOrganizationName: true,
  bio: true,
  publishName: true,
  publishOrganization: true,
  publishBio: true,
  nomineeOrganization: { select: { name: true, slug: true, status: true } },
} satisfies Prisma.NominationSelect;

/** A selected nomination as the public sees it: only what the speaker allowed. */
export function toPublicSpeaker(row: Prisma.NominationGetPayload<{ select: typeof publicSpeakerSelect }>): PublicSpeaker {
  const organization = row.nomineeOrganization;
  return {
    id: row.id,
    role: row.role,
    name: row.publishName ? row.nomineeName : null,
    organizationName: row.publishOrganization ? (organization?.name ?? row.nomineeOrganizationName ?? null) : null,
    organizationSlug: row.publishOrganization && organization?.status === "VERIFIED" ? organization.slug : null,
    bio: row.publishBio && row.bio?.trim() ? row.bio : null,
  };
}

/**
 * The selected speakers of a session whose slate is confirmed, or [] before that. One query
 * (two with the organizations); selects only what the publish flags may reveal.
 */
export async function listPublicSpeakers(session: { id: string; status: SessionStatus }): Promise<PublicSpeaker[]> {
  if (!showsSpeakers(session.status)) return [];
  const rows = await db.nomination.findMany({
    where: { AND: [{ sessionId: session.id }, publicSpeakerWhere] },
    orderBy: [{ selectedAt: "asc" }, { id: "asc" }],
    select: publicSpeakerSelect,
  });
  return rows.map(toPublicSpeaker).sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role]);
}

// ─── The session page ──────────────────────────────────────────────────────────────────────

/** The actor's own registration, as its form shows it. */
export type OwnRegistration = { language: Locale; accessNeeds: AccessNeed[]; accessNote: string | null; listed: boolean };

/** A registrant who chose to be listed: name, organization and its country only (so stakeholders can find each other). */
export type ListedParticipant = { id: string; name: string; organizationName: string | null; organizationCountry: string | null };

/**
 * Everything the session page shows, in a fixed number of queries whatever the number of
 * speakers, proposals or registrations. `null` when the actor may not see it (drafts are
 * staff's) or it does not exist. The link is there only for staff and registered users; the
 * participant list only for signed-in users; the summary once the session took place.
 */
export async function getSessionForPage(actor: Actor | null, rawId: string, now = new Date()) {
  if (!isUuid(rawId)) return null;
  const staff = canManageSessions(actor);
  const session = await db.reviewSession.findFirst({
    where: staff ? { id: rawId } : { id: rawId, ...publicSessionWhere },
    select: { ...publicSessionSelect, link: true, summary: true, summaryLanguage: true },
  });
  if (!session) return null;

  const [speakers, proposals, registrationCount, own, participants] = await Promise.all([
    listPublicSpeakers(session),
    db.proposal.findMany({
      where: { AND: [{ sessionId: session.id }, publicProposalWhere] },
      orderBy: [{ submittedAt: "desc" }, { id: "asc" }],
      select: {
        id: true,
        title: true,
        summary: true,
        language: true,
        status: true,
        organization: { select: { name: true, slug: true } },
      },
    }),
    db.sessionRegistration.count({ where: { sessionId: session.id } }),
    actor
      ? db.sessionRegistration.findUnique({
          where: { sessionId_userId: { sessionId: session.id, userId: actor.userId } },
          select: { language: true, accessNeeds: true, accessNote: true, listed: true },
        })
      : null,
    canSeeParticipants(actor) ? listParticipants(session.id) : null,
  ]);

  const registered = !!own;
  const { link, summary, summaryLanguage, title, description, ...rest } = session;
  return {
    session: {
      ...rest,
      title: asLocalizedText(title),
      description: asLocalizedText(description),
      link: canSeeSessionLink(actor, registered) ? link : null,
      summary: showsSummary(session.status) ? summary : null,
      summaryLanguage: showsSummary(session.status) ? summaryLanguage : null,
    },
    speakers,
    proposals,
    registrationCount,
    registration: own as OwnRegistration | null,
    /** null for visitors: the list is not for the open web. */
    participants,
    canRegister: canRegister(actor, session, now) && !registered,
    canChangeRegistration: registered && canRegister(actor, session, now),
    openForNominations: isOpenForNominations(session, now),
    isStaff: staff,
  };
}

export type SessionPageData = NonNullable<Awaited<ReturnType<typeof getSessionForPage>>>;

/** The opt-in participant list: name and the first verified organization (with its country) of each listed registrant. */
async function listParticipants(sessionId: string): Promise<ListedParticipant[]> {
  const rows = await db.sessionRegistration.findMany({
    where: { sessionId, listed: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      user: {
        select: {
          name: true,
          memberships: {
            where: { organization: { status: "VERIFIED" } },
            orderBy: { createdAt: "asc" },
            take: 1,
            select: { organization: { select: { name: true, country: true } } },
          },
        },
      },
    },
  });
  return rows.map((r) => {
    const organization = r.user.memberships[0]?.organization;
    return { id: r.id, name: r.user.name, organizationName: organization?.name ?? null, organizationCountry: organization?.country ?? null };
  });
}

// ─── For other pages ───────────────────────────────────────────────────────────────────────

/**
 * Sessions a proposal may be meant for (open for nominations or with speakers confirmed),
 * soonest first, with the title in the reader's language. One query.
 */
export async function sessionOptionsForProposals(locale: AppLocale) {
  const rows = await db.reviewSession.findMany({
    where: { status: { in: PROPOSAL_TARGET_STATUSES } },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    select: { id: true, title: true, startsAt: true },
  });
  return rows.map((r) => ({ id: r.id, title: pickLocalized(r.title, locale)?.text ?? "", startsAt: r.startsAt }));
}

const calendarSelect = {
  id: true,
  title: true,
  description: true,
  startsAt: true,
  endsAt: true,
  timeZone: true,
  place: true,
  status: true,
  updatedAt: true,
} satisfies Prisma.ReviewSessionSelect;

export type CalendarSession = Prisma.ReviewSessionGetPayload<{ select: typeof calendarSelect }>;

/** Every non-draft session, for the calendar feed. One query. */
export async function listCalendarSessions() {
  const rows = await db.reviewSession.findMany({
    where: publicSessionWhere,
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    select: calendarSelect,
  });
  return rows;
}

/** One non-draft session for its .ics file, or null. */
export async function getCalendarSession(rawId: string): Promise<CalendarSession | null> {
  if (!isUuid(rawId)) return null;
  return db.reviewSession.findFirst({ where: { id: rawId, ...publicSessionWhere }, select: calendarSelect });
}

/** The public sessions for the Atom feed, the latest changed first (at most 50). One query. */
export async function listFeedSessions() {
  return db.reviewSession.findMany({
    where: publicSessionWhere,
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    take: 50,
    select: { id: true, title: true, startsAt: true, timeZone: true, status: true, objectives: true, createdAt: true, updatedAt: true },
  });
}

// ─── Staff ─────────────────────────────────────────────────────────────────────────────────

/**
 * Every session, drafts included, latest first, with its registrations and selected speakers
 * counted. Staff only. One query.
 */
export async function listStaffSessions(actor: Actor | null) {
  if (!canManageSessions(actor)) throw forbidden();
  const rows = await db.reviewSession.findMany({
    orderBy: [{ startsAt: "desc" }, { id: "asc" }],
    select: {
      ...listSelect,
      panelistSeats: true,
      rapporteurSeats: true,
      moderatorSeats: true,
      _count: { select: { registrations: true, nominations: { where: { status: "SELECTED" } } } },
    },
  });
  return rows.map(({ _count, ...row }) => ({
    ...row,
    title: asLocalizedText(row.title),
    registrationCount: _count.registrations,
    selectedCount: _count.nominations,
    seatCount: row.panelistSeats + row.rapporteurSeats + row.moderatorSeats,
  }));
}

export type StaffSessionItem = Awaited<ReturnType<typeof listStaffSessions>>[number];

/** An access request as staff see it: the person's name, needs and note (never their email). */
export type AccessRequest = { id: string; name: string; language: Locale; accessNeeds: AccessNeed[]; accessNote: string | null };

/**
 * One session with everything staff need to run it: all its columns, registrations counted
 * (total, by language, by access need, listed), the access requests, and the selected speakers
 * by role (seats cannot go below them). Staff only; null when it does not exist. A fixed number of queries.
 */
export async function getSessionForDesk(actor: Actor | null, rawId: string) {
  if (!canManageSessions(actor)) throw forbidden();
  if (!isUuid(rawId)) return null;
  const session = await db.reviewSession.findUnique({
    where: { id: rawId },
    select: { ...publicSessionSelect, link: true, summary: true, summaryLanguage: true, selectionMode: true, statusChangedAt: true, createdAt: true, updatedAt: true },
  });
  if (!session) return null;
  const [registrations, selected] = await Promise.all([
    db.sessionRegistration.findMany({
      where: { sessionId: session.id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, language: true, accessNeeds: true, accessNote: true, listed: true, user: { select: { name: true } } },
    }),
    db.nomination.groupBy({ by: ["role"], where: { sessionId: session.id, status: "SELECTED" }, _count: { _all: true } }),
  ]);

  const byLanguage = Object.fromEntries(locales.map((l) => [l, 0])) as Record<Locale, number>;
  const byNeed = Object.fromEntries(ACCESS_NEEDS.map((n) => [n, 0])) as Record<AccessNeed, number>;
  const requests: AccessRequest[] = [];
  let listed = 0;
  for (const r of registrations) {
    byLanguage[r.language] += 1;
    for (const need of r.accessNeeds) byNeed[need] += 1;
    if (r.listed) listed += 1;
    if (r.accessNeeds.length > 0 || r.accessNote) {
      requests.push({ id: r.id, name: r.user.name, language: r.language, accessNeeds: r.accessNeeds, accessNote: r.accessNote });
    }
  }
  const selectedByRole = Object.fromEntries(SPEAKER_ROLES.map((role) => [role, 0])) as Record<SpeakerRole, number>;
  for (const row of selected) selectedByRole[row.role as SpeakerRole] = row._count._all;

  const { title, description, ...rest } = session;
  return {
    session: { ...rest, title: asLocalizedText(title), description: asLocalizedText(description) },
    registrations: { total: registrations.length, listed, byLanguage, byNeed, requests },
    selectedByRole,
  };
}

export type SessionDeskData = NonNullable<Awaited<ReturnType<typeof getSessionForDesk>>>;
