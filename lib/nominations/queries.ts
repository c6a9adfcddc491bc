import { z } from "zod";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Gender, NominationStatus, SelectionMode, SpeakerRole } from "@/lib/generated/prisma/enums";
import { isTermActive, type Actor } from "@/lib/auth/actor";
import { asLocalizedText, type LocalizedText } from "@/lib/i18n/localized-text";
import {
  balanceIfSelected,
  computeBalance,
  countBalance,
  inPool,
  isFirstTimeSpeaker,
  NO_EARLIER_SPEAKERS,
  nomineeSubregion,
  slateMember,
  totalSeats,
  type Balance,
  type BalanceCounts,
  type EarlierSpeakers,
} from "./balance";
import {
  canActOnNominations,
  canSeeCommitteeWorkspace,
  chairAvailableFor,
  confirmSlateRefusal,
  effectiveSelectionMode,
  effectiveStatus,
  isChair,
  isSlateOpen,
  nominateRefusal,
  nominationAbilities,
  organizationsOf,
  ownOrganizations,
  respondRefusal,
  seatsFor,
  setSelectionModeRefusal,
  tokenRefusal,
  withdrawRefusal,
  WORKSPACE_SESSION_STATUSES,
  type OwnOrganizations,
} from "./policy";
import { SPEAKER_ROLES } from "./schemas";
import { hashNominationToken, isTokenShaped } from "./tokens";

// Reads for the committee's pages and the nominee's page. The committee's pages hold private
// data (emails, gender, rationales): only committee members and staff get anything from here.

type Client = Prisma.TransactionClient | typeof db;

/** The actor's own organizations, with the name of the one their term represents (one query at most). */
export async function actorOrganizations(client: Client, actor: Actor): Promise<OwnOrganizations> {
  const termOrganizationId = actor.committeeTerm?.organizationId;
  const term = termOrganizationId ? await client.organization.findUnique({ where: { id: termOrganizationId }, select: { name: true } }) : null;
  return ownOrganizations(actor, term?.name);
}

/** Active chairs' own organizations: what their recusal is compared with (one query). */
export async function activeChairs(client: Client, now = new Date()): Promise<OwnOrganizations[]> {
  const yesterday = new Date(now.getTime() - 24 * 60 * 60 * 1000);
  const terms = await client.committeeTerm.findMany({
    where: { isChair: true, startsOn: { lte: now }, endsOn: { gte: yesterday } },
    select: {
      startsOn: true,
      endsOn: true,
      endedEarlyAt: true,
      organization: { select: { id: true, name: true } },
      user: { select: { memberships: { select: { organization: { select: { id: true, name: true } } } } } },
    },
  });
  return terms
    .filter((t) => isTermActive(t, now))
    .map((t) =>
      organizationsOf({
        ids: [t.organization?.id, ...t.user.memberships.map((m) => m.organization.id)],
        names: [t.organization?.name, ...t.user.memberships.map((m) => m.organization.name)],
      }),
    );
}

const nominationSelect = {
  id: true,
  sessionId: true,
  role: true,
  status: true,
  invitationExpiresAt: true,
  nomineeUserId: true,
  nomineeName: true,
  nomineeEmail: true,
  nomineeOrganizationId: true,
  nomineeOrganizationName: true,
  nomineeCountry: true,
  nomineeGender: true,
  nomineeGenderDescription: true,
  languages: true,
  rationale: true,
  nominatedById: true,
  respondedAt: true,
  bio: true,
  publishName: true,
  publishOrganization: true,
  publishBio: true,
  selectedAt: true,
  selectionRationale: true,
  withdrawnAt: true,
  createdAt: true,
  nominatedBy: { select: { name: true } },
  selectedBy: { select: { name: true } },
  nomineeOrganization: { select: { name: true, subregion: true, type: true } },
  endorsements: { orderBy: { createdAt: "asc" }, select: { userId: true, user: { select: { name: true } } } },
  selectionVotes: { orderBy: { createdAt: "asc" }, select: { userId: true, rationale: true, user: { select: { name: true } } } },
} satisfies Prisma.NominationSelect;

const sessionSelect = {
  id: true,
  title: true,
  status: true,
  startsAt: true,
  endsAt: true,
  timeZone: true,
  nominationDeadline: true,
  selectionMode: true,
  panelistSeats: true,
  rapporteurSeats: true,
  moderatorSeats: true,
  nominations: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: nominationSelect },
} satisfies Prisma.ReviewSessionSelect;

type SessionRow = Prisma.ReviewSessionGetPayload<{ select: typeof sessionSelect }>;
type NominationRow = SessionRow["nominations"][number];

/** One nomination as the committee's page shows it (private: committee and staff only). */
export type WorkspaceNomination = {
  id: string;
  role: SpeakerRole;
  /** Effective: an invitation that ran out reads EXPIRED. */
  status: NominationStatus;
  nomineeName: string;
  nomineeEmail: string;
  isMember: boolean;
  organizationName: string | null;
  country: string;
  gender: Gender | null;
  /** The nominee's own words, kept only with ANOTHER; never counted. */
  genderDescription: string | null;
  languages: NominationRow["languages"];
  rationale: string;
  nominatedById: string | null;
  nominatedByName: string | null;
  createdAt: Date;
  invitationExpiresAt: Date | null;
  respondedAt: Date | null;
  bio: string | null;
  publishName: boolean;
  publishOrganization: boolean;
  publishBio: boolean;
  selectedAt: Date | null;
  selectedByName: string | null;
  selectionRationale: string | null;
  withdrawnAt: Date | null;
  endorsements: { userId: string; name: string }[];
  votes: { userId: string; name: string; rationale: string }[];
  firstTime: boolean;
  subregion: ReturnType<typeof nomineeSubregion>;
  /** How this nomination is selected (CHAIR unless every chair is recused from it, or the session says two members). */
  mode: SelectionMode;
  can: ReturnType<typeof nominationAbilities>;
  /** For an accepted nominee: the slate's balance if they were selected (its warnings need an acknowledgement). */
  balanceIfSelected: Balance | null;
};

export type WorkspaceSession = {
  id: string;
  title: LocalizedText;
  status: SessionRow["status"];
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  nominationDeadline: Date | null;
  selectionMode: SelectionMode;
  seats: Record<SpeakerRole, { total: number; filled: number }>;
  totalSeats: number;
  /** The balance of the selected speakers. */
  balance: Balance;
  /** The counts of everyone who accepted (the slate included): what the slate is chosen from. */
  pool: BalanceCounts;
  nominations: WorkspaceNomination[];
  can: {
    nominate: boolean;
    confirm: boolean;
    setMode: boolean;
    /** Still being decided (endorse, select…); a confirmed session is read-only. */
    open: boolean;
  };
  /** No chair could select (none active, or all recused): selection is by two members. */
  chairAvailable: boolean;
};

export type Workspace = {
  /** The actor's own organizations' names are what recusal compares; shown to explain it. */
  isCommitteeMember: boolean;
  isChair: boolean;
  isStaff: boolean;
  sessions: WorkspaceSession[];
};

const seatCountSelected = (row: SessionRow) => row.nominations.filter((n) => n.status === "SELECTED").length;

function shapeSession(
  row: SessionRow,
  actor: Actor,
  own: OwnOrganizations,
  chairs: readonly OwnOrganizations[],
  earlier: EarlierSpeakers,
  now: Date,
): WorkspaceSession {
  const seats = Object.fromEntries(
    SPEAKER_ROLES.map((role) => [
      role,
      {
        total: seatsFor(row, role),
        filled: row.nominations.filter((n) => n.role === role && n.status === "SELECTED").length,
      },
    ]),
  ) as Record<SpeakerRole, { total: number; filled: number }>;
  const seatCount = totalSeats(row);
  const slate = row.nominations.filter((n) => n.status === "SELECTED").map((n) => slateMember(n, earlier));
  const open = isSlateOpen(row);

  const nominations = row.nominations.map((n): WorkspaceNomination => {
    const status = effectiveStatus(n, now);
    const mode = effectiveSelectionMode(row.selectionMode, chairAvailableFor(chairs, n));
    const can = nominationAbilities(
      actor,
      own,
      // A full role cannot take anyone else: no select button there.
      { session: row, mode, roleFull: seats[n.role].filled >= seats[n.role].total, now },
      {
        ...n,
        endorsedByActor: n.endorsements.some((e) => e.userId === actor.userId),
        votedByActor: n.selectionVotes.some((v) => v.userId === actor.userId),
      },
    );
    return {
      id: n.id,
      role: n.role,
      status,
      nomineeName: n.nomineeName,
      nomineeEmail: n.nomineeEmail,
      isMember: !!n.nomineeUserId,
      organizationName: n.nomineeOrganization?.name ?? n.nomineeOrganizationName,
      country: n.nomineeCountry,
      gender: n.nomineeGender,
      genderDescription: n.nomineeGenderDescription,
      languages: n.languages,
      rationale: n.rationale,
      nominatedById: n.nominatedById,
      nominatedByName: n.nominatedBy?.name ?? null,
      createdAt: n.createdAt,
      invitationExpiresAt: n.invitationExpiresAt,
      respondedAt: n.respondedAt,
      bio: n.bio,
      publishName: n.publishName,
      publishOrganization: n.publishOrganization,
      publishBio: n.publishBio,
      selectedAt: n.selectedAt,
      selectedByName: n.selectedBy?.name ?? null,
      selectionRationale: n.selectionRationale,
      withdrawnAt: n.withdrawnAt,
      endorsements: n.endorsements.map((e) => ({ userId: e.userId, name: e.user.name })),
      votes: n.selectionVotes.map((v) => ({ userId: v.userId, name: v.user.name, rationale: v.rationale })),
      firstTime: isFirstTimeSpeaker(n, earlier),
      subregion: nomineeSubregion(n),
      mode,
      can,
      balanceIfSelected: status === "ACCEPTED" && open ? balanceIfSelected(slate, slateMember(n, earlier), seatCount) : null,
    };
  });

  return {
    id: row.id,
    title: asLocalizedText(row.title),
    status: row.status,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    timeZone: row.timeZone,
    nominationDeadline: row.nominationDeadline,
    selectionMode: row.selectionMode,
    seats,
    totalSeats: seatCount,
    balance: computeBalance(slate, seatCount),
    pool: countBalance(row.nominations.filter((n) => inPool(n.status)).map((n) => slateMember(n, earlier))),
    nominations,
    can: {
      nominate: nominateRefusal(actor, row, now) === null,
      confirm: confirmSlateRefusal(actor, row, seatCountSelected(row)) === null,
      setMode: setSelectionModeRefusal(actor, row) === null,
      open,
    },
    chairAvailable: chairs.length > 0,
  };
}

/**
 * Loads the sessions and everything about their nominations in a fixed number of queries,
 * whatever the number of nominations: the sessions with their nominations, endorsements and
 * votes (one query per relation), the actor's term organization, the active chairs, and the
 * earlier speakers among the nominees.
 */
async function loadWorkspace(actor: Actor, where: Prisma.ReviewSessionWhereInput, now: Date): Promise<WorkspaceSession[]> {
  const [rows, own, chairs] = await Promise.all([
    db.reviewSession.findMany({ where, orderBy: [{ startsAt: "asc" }, { id: "asc" }], select: sessionSelect }),
    actorOrganizations(db, actor),
    activeChairs(db, now),
  ]);
  const earlier = await earlierSpeakersBySession(rows);
  return rows.map((row) => shapeSession(row, actor, own, chairs, earlier.get(row.id) ?? NO_EARLIER_SPEAKERS, now));
}

/**
 * "Spoke at an earlier session" depends on the session: the selected nominations of the people
 * nominated in these sessions, with their session's start, in one query (none without nominees).
 */
async function earlierSpeakersBySession(rows: SessionRow[]): Promise<Map<string, EarlierSpeakers>> {
  const people = rows.flatMap((r) => r.nominations);
  const userIds = [...new Set(people.map((p) => p.nomineeUserId).filter((id): id is string => !!id))];
  const emails = [...new Set(people.map((p) => p.nomineeEmail.trim().toLowerCase()))];
  const map = new Map<string, EarlierSpeakers>();
  if (userIds.length === 0 && emails.length === 0) return map;
  const spoken = await db.nomination.findMany({
    where: { status: "SELECTED", OR: [{ nomineeUserId: { in: userIds } }, { nomineeEmail: { in: emails, mode: "insensitive" } }] },
    select: { sessionId: true, nomineeUserId: true, nomineeEmail: true, session: { select: { startsAt: true } } },
  });
  for (const row of rows) {
    const before = spoken.filter((s) => s.sessionId !== row.id && s.session.startsAt < row.startsAt);
    map.set(row.id, {
      userIds: new Set(before.map((s) => s.nomineeUserId).filter((id): id is string => !!id)),
      emails: new Set(before.map((s) => s.nomineeEmail.trim().toLowerCase())),
    });
  }
  return map;
}

function frame(actor: Actor, sessions: WorkspaceSession[]): Workspace {
  return { isCommitteeMember: canActOnNominations(actor), isChair: isChair(actor), isStaff: actor.isStaff, sessions };
}

/**
 * The committee's workspace: every session open for nominations or whose speakers were just
 * confirmed, soonest first. Null for anyone but committee members and staff.
 */
export async function committeeWorkspace(actor: Actor | null, now = new Date()): Promise<Workspace | null> {
  if (!canSeeCommitteeWorkspace(actor)) return null;
  const sessions = await loadWorkspace(actor, { status: { in: [...WORKSPACE_SESSION_STATUSES] } }, now);
  return frame(actor, sessions);
}

/** One session's workspace (any state but draft). Null when the actor may not see it or it does not exist. */
export async function sessionWorkspace(actor: Actor | null, sessionId: string, now = new Date()): Promise<(Workspace & { session: WorkspaceSession }) | null> {
  if (!canSeeCommitteeWorkspace(actor) || !z.uuid().safeParse(sessionId).success) return null;
  const sessions = await loadWorkspace(actor, { id: sessionId, status: { not: "DRAFT" } }, now);
  if (sessions.length === 0) return null;
  return { ...frame(actor, sessions), session: sessions[0] };
}

// ─── Member search ─────────────────────────────────────────────────────────────────────────

export type MemberChoice = { userId: string; name: string; organizationId: string; organizationName: string; country: string };

export const MEMBER_SEARCH_LIMIT = 20;

/**
 * Members of verified organizations whose name (or whose organization's name or acronym)
 * contains `q`: name and organization only, never an email. Committee members and staff only;
 * one query.
 */
export async function searchMembers(actor: Actor | null, q: string | null): Promise<MemberChoice[]> {
  if (!canSeeCommitteeWorkspace(actor) || !q) return [];
  const rows = await db.membership.findMany({
    where: {
      organization: { status: "VERIFIED" },
      OR: [
        { user: { name: { contains: q, mode: "insensitive" } } },
        { organization: { name: { contains: q, mode: "insensitive" } } },
        { organization: { acronym: { contains: q, mode: "insensitive" } } },
      ],
    },
    orderBy: [{ user: { name: "asc" } }, { organization: { name: "asc" } }],
    take: MEMBER_SEARCH_LIMIT,
    select: { user: { select: { id: true, name: true } }, organization: { select: { id: true, name: true, country: true } } },
  });
  return rows.map((r) => ({
    userId: r.user.id,
    name: r.user.name,
    organizationId: r.organization.id,
    organizationName: r.organization.name,
    country: r.organization.country,
  }));
}

// ─── The nominee's personal link ───────────────────────────────────────────────────────────

/** What the nominee's page shows: the session, the role, and no rationale. */
export type NomineeLinkView = {
  nominationId: string;
  nomineeName: string;
  role: SpeakerRole;
  organizationName: string | null;
  expiresAt: Date;
  bio: string | null;
  publishName: boolean;
  publishOrganization: boolean;
  publishBio: boolean;
  session: { id: string; title: LocalizedText; startsAt: Date; endsAt: Date; timeZone: string };
};

export type NomineeLink = { state: "invalid" } | { state: "respond"; view: NomineeLinkView } | { state: "withdraw"; view: NomineeLinkView };

/**
 * The page behind a personal link: RESPOND for an invitation still open, WITHDRAW for a
 * nomination that can still be withdrawn. Anything else (unknown, used, expired, a nomination
 * that moved on) is the same "this link no longer works", whatever the reason. One query.
 */
export async function findNomineeLink(token: string, now = new Date()): Promise<NomineeLink> {
  if (!isTokenShaped(token)) return { state: "invalid" };
  const row = await db.nominationToken.findUnique({
    where: { tokenHash: hashNominationToken(token) },
    select: {
      purpose: true,
      usedAt: true,
      expiresAt: true,
      nomination: {
        select: {
          id: true,
          role: true,
          status: true,
          invitationExpiresAt: true,
          nomineeName: true,
          nomineeOrganizationName: true,
          bio: true,
          publishName: true,
          publishOrganization: true,
          publishBio: true,
          nomineeOrganization: { select: { name: true } },
          session: { select: { id: true, title: true, status: true, startsAt: true, endsAt: true, timeZone: true } },
        },
      },
    },
  });
  if (!row || tokenRefusal(row, row.purpose, now)) return { state: "invalid" };
  const n = row.nomination;
  if (now >= n.session.startsAt || n.session.status === "DRAFT") return { state: "invalid" };
  const view: NomineeLinkView = {
    nominationId: n.id,
    nomineeName: n.nomineeName,
    role: n.role,
    organizationName: n.nomineeOrganization?.name ?? n.nomineeOrganizationName,
    expiresAt: row.expiresAt,
    bio: n.bio,
    publishName: n.publishName,
    publishOrganization: n.publishOrganization,
    publishBio: n.publishBio,
    session: { id: n.session.id, title: asLocalizedText(n.session.title), startsAt: n.session.startsAt, endsAt: n.session.endsAt, timeZone: n.session.timeZone },
  };
  // The same decisions as the commands the page's forms run.
  if (row.purpose === "RESPOND") return respondRefusal(n.session, n, "accept", now) ? { state: "invalid" } : { state: "respond", view };
  return withdrawRefusal("nominee", n.session, n, now) ? { state: "invalid" } : { state: "withdraw", view };
}
