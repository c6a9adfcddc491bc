import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Locale, NominationStatus, SelectionMode, SpeakerRole } from "@/lib/generated/prisma/enums";
import { isTermActive, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { AppError, conflict, fieldError, forbidden, invalid, notFound, notSignedIn, parseInput, rateLimited } from "@/lib/errors";
import { asLocalizedText, pickLocalized } from "@/lib/i18n/localized-text";
import { logError } from "@/lib/log";
import { sendMail, type Mail } from "@/lib/mail/send";
import { notify } from "@/lib/notifications/notify";
import type { NominationNotificationKind } from "@/lib/notifications/kinds";
import { isLimited, recordHit, type RateLimitRule } from "@/lib/rate-limit/consume";
import { balanceIfSelected, slateMember, totalSeats, type BalanceWarning, type EarlierSpeakers } from "./balance";
import { acceptedEmail, invitationEmail, nomineeLocale, notSelectedEmail, selectedEmail, type NomineeMailContext } from "./emails";
import {
  canActOnNominations,
  canConfirmSlate,
  canSetSelectionMode,
  canWithdrawAs,
  effectiveSelectionMode,
  effectiveStatus,
  invitationExpiry,
  isChair,
  isRecused,
  isSessionOpenForNominations,
  isSlateOpen,
  nextNominationStatus,
  organizationsOf,
  ownOrganizations,
  VOTES_TO_SELECT,
  type NominationAction,
  type OwnOrganizations,
} from "./policy";
import { nominateSchema, nominationRefSchema, respondSchema, selectionModeSchema, selectSchema, sessionRefSchema, withdrawSchema } from "./schemas";
import { hashNominationToken, hashOptOutEmail, isTokenShaped, newNominationToken } from "./tokens";

type Tx = Prisma.TransactionClient;

// Generous: it stops a script, not a committee at work.
const nominateRule = (userId: string): RateLimitRule => ({ key: `nominations.nominate:${userId}`, limit: 100, windowSeconds: 3600 });

// ─── Shared pieces ─────────────────────────────────────────────────────────────────────────

/** What commands read about a session. */
const sessionSelect = {
  id: true,
  title: true,
  status: true,
  startsAt: true,
  timeZone: true,
  nominationDeadline: true,
  selectionMode: true,
  panelistSeats: true,
  rapporteurSeats: true,
  moderatorSeats: true,
} satisfies Prisma.ReviewSessionSelect;
type SessionRow = Prisma.ReviewSessionGetPayload<{ select: typeof sessionSelect }>;

/** What commands read about a nomination. */
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
  languages: true,
  nominatedById: true,
  nomineeUser: { select: { preferredLocale: true } },
  nominatedBy: { select: { preferredLocale: true } },
  nomineeOrganization: { select: { subregion: true, type: true } },
  session: { select: sessionSelect },
} satisfies Prisma.NominationSelect;
type NominationRow = Prisma.NominationGetPayload<{ select: typeof nominationSelect }>;

/** What every command returns about the nomination it touched. */
export type NominationResult = { id: string; sessionId: string; role: SpeakerRole; status: NominationStatus };
const result = (n: { id: string; sessionId: string; role: SpeakerRole }, status: NominationStatus): NominationResult => ({
  id: n.id,
  sessionId: n.sessionId,
  role: n.role,
  status,
});

export const seatsFor = (session: Pick<SessionRow, "panelistSeats" | "rapporteurSeats" | "moderatorSeats">, role: SpeakerRole) =>
  role === "PANELIST" ? session.panelistSeats : role === "RAPPORTEUR" ? session.rapporteurSeats : session.moderatorSeats;

/** Private audit data about a nomination: the nominee's name, never their email or gender. */
const nominationData = (n: { id: string; sessionId: string; role: SpeakerRole; nomineeName: string }) => ({
  sessionId: n.sessionId,
  nominationId: n.id,
  role: n.role,
  nomineeName: n.nomineeName,
});

/** The one message for a personal link that does not work: unknown, used, expired, or for something else. */
export const linkInvalid = () => conflict("nominations.linkInvalid");
const wrongState = () => conflict("nominations.wrongState");

/** Locks the session's row: selections, votes and the confirmation of one session happen one after another. */
async function lockSession(tx: Tx, sessionId: string) {
  await tx.$queryRaw`SELECT id::text FROM "ReviewSession" WHERE id = ${sessionId}::uuid FOR UPDATE`;
}

async function lockNomination(tx: Tx, nominationId: string) {
  await tx.$queryRaw`SELECT id::text FROM "Nomination" WHERE id = ${nominationId}::uuid FOR UPDATE`;
}

/**
 * An invitation whose link ran out is EXPIRED: stored as such as soon as a command touches the
 * nomination (in its own statement, so it stays stored when the command then refuses).
 */
async function settleExpired(where: Prisma.NominationWhereInput, now = new Date()) {
  await db.nomination.updateMany({ where: { AND: [where, { status: "INVITED", invitationExpiresAt: { lte: now } }] }, data: { status: "EXPIRED" } });
}

/** The status after `action`, from the nomination's effective status, or the refusal. */
function transitionOf(n: { status: NominationStatus; invitationExpiresAt: Date | null }, action: NominationAction, now: Date) {
  const from = effectiveStatus(n, now);
  const to = nextNominationStatus(from, action);
  if (!to) throw wrongState();
  return { from, to };
}

/** The status in the WHERE: if someone else changed the nomination first, nothing is written. */
async function moveNomination(tx: Tx, n: { id: string; status: NominationStatus }, data: Prisma.NominationUncheckedUpdateManyInput) {
  const { count } = await tx.nomination.updateMany({ where: { id: n.id, status: n.status }, data });
  if (count !== 1) throw wrongState();
}

/** The seat-limit trigger's refusal (SQLSTATE PU001, 'nomination_seats_full'), wherever the driver put it. */
export function isSeatLimitError(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    const e = current as { code?: unknown; message?: unknown; meta?: unknown; cause?: unknown; originalCode?: unknown };
    if (e.code === "PU001" || e.originalCode === "PU001") return true;
    if (typeof e.message === "string" && e.message.includes("nomination_seats_full")) return true;
    if (e.meta && typeof e.meta === "object") {
      try {
        if (JSON.stringify(e.meta).includes("nomination_seats_full") || JSON.stringify(e.meta).includes("PU001")) return true;
      } catch {
        // not serializable: look further down
      }
    }
    current = e.cause;
  }
  return false;
}

/** Runs a transaction whose writes may hit the seat limit; the trigger's refusal becomes the same conflict as the command's own check. */
async function withSeatLimit<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof AppError) && isSeatLimitError(error)) throw conflict("nominations.seatsFull");
    throw error;
  }
}

/** Mail goes out after the commit; a failed email is logged and never undoes the decision. */
async function deliver(mails: Mail[]): Promise<boolean> {
  let ok = true;
  for (const mail of mails) {
    try {
      await sendMail(mail);
    } catch (error) {
      ok = false;
      logError("nominations.mail", error);
    }
  }
  return ok;
}

/** The actor's own organizations, with the name of the one their term represents (one query at most). */
async function actorOrganizations(actor: Actor): Promise<OwnOrganizations> {
  const termOrganizationId = actor.committeeTerm?.organizationId;
  const term = termOrganizationId ? await db.organization.findUnique({ where: { id: termOrganizationId }, select: { name: true } }) : null;
  return ownOrganizations(actor, term?.name);
}

/** Active chairs' own organizations: the chair selects alone only a nomination at least one chair is not recused from. */
export async function activeChairs(client: Tx | typeof db, now = new Date()): Promise<OwnOrganizations[]> {
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

export const chairAvailableFor = (chairs: readonly OwnOrganizations[], nomination: Parameters<typeof isRecused>[1]) =>
  chairs.some((own) => !isRecused(own, nomination));

/** People selected at a session before this one, among the given nominees (one query). */
export async function earlierSpeakers(
  client: Tx | typeof db,
  people: readonly { nomineeUserId: string | null; nomineeEmail: string }[],
  before: Date,
  exceptSessionIds: readonly string[] = [],
): Promise<EarlierSpeakers> {
  const userIds = [...new Set(people.map((p) => p.nomineeUserId).filter((id): id is string => !!id))];
  const emails = [...new Set(people.map((p) => p.nomineeEmail.trim().toLowerCase()))];
  if (userIds.length === 0 && emails.length === 0) return { userIds: new Set(), emails: new Set() };
  const rows = await client.nomination.findMany({
    where: {
      status: "SELECTED",
      sessionId: { notIn: [...exceptSessionIds] },
      session: { startsAt: { lt: before } },
      OR: [{ nomineeUserId: { in: userIds } }, { nomineeEmail: { in: emails, mode: "insensitive" } }],
    },
    select: { nomineeUserId: true, nomineeEmail: true },
  });
  return {
    userIds: new Set(rows.map((r) => r.nomineeUserId).filter((id): id is string => !!id)),
    emails: new Set(rows.map((r) => r.nomineeEmail.trim().toLowerCase())),
  };
}

/** The session title as a plain string for a reader of `locale`. */
const titleIn = (title: unknown, locale: Locale) => pickLocalized(title, locale)?.text ?? "";

/** What the nominee's emails say about the nomination. */
function mailContext(n: NominationRow): NomineeMailContext {
  return {
    to: n.nomineeEmail,
    locale: nomineeLocale(n),
    nomineeName: n.nomineeName,
    role: n.role,
    session: { id: n.session.id, title: n.session.title, startsAt: n.session.startsAt, timeZone: n.session.timeZone },
  };
}

/**
 * A new RESPOND link for a nomination (earlier ones stop working), in the caller's transaction.
 * Returns the token, which only the email will hold.
 */
async function issueInvitation(tx: Tx, n: NominationRow, from: NominationStatus, actorId: string, now: Date) {
  const expiresAt = invitationExpiry(n.session, now);
  if (expiresAt <= now) throw conflict("nominations.sessionStarted");
  const optedOut = await tx.nominationOptOut.findUnique({
    where: { sessionId_emailHash: { sessionId: n.sessionId, emailHash: hashOptOutEmail(n.nomineeEmail) } },
    select: { sessionId: true },
  });
  if (optedOut) throw conflict("nominations.optedOut");
  await tx.nominationToken.updateMany({ where: { nominationId: n.id, purpose: "RESPOND", usedAt: null }, data: { usedAt: now } });
  const token = newNominationToken();
  await tx.nominationToken.create({ data: { nominationId: n.id, purpose: "RESPOND", tokenHash: hashNominationToken(token), expiresAt } });
  await moveNomination(tx, { id: n.id, status: from }, { status: "INVITED", invitationExpiresAt: expiresAt });
  await recordAudit(tx, {
    actorId,
    action: "nomination.invited",
    entityType: "Nomination",
    entityId: n.id,
    isPublic: false,
    data: { ...nominationData(n), expiresAt: expiresAt.toISOString() },
  });
  return { token, expiresAt };
}

// ─── Nominating and inviting ───────────────────────────────────────────────────────────────

export type NominateResult = NominationResult & { created: boolean; invited: boolean; emailSent: boolean };

/**
 * A committee member nominates a person for a role while the session is open for nominations:
 * a member of a verified organization (from the search) or someone without an account. With
 * `sendInvitation` the personal link goes out at once. The same form posted twice (same
 * idempotency key) creates one nomination and sends one email.
 */
export async function nominate(actor: Actor | null, raw: unknown): Promise<NominateResult> {
  const input = parseInput(nominateSchema, raw);
  if (!actor) throw notSignedIn();
  if (!canActOnNominations(actor)) throw forbidden();
  const id = input.idempotencyKey ?? randomUUID();

  const replay = (existing: { id: string; sessionId: string; role: SpeakerRole; status: NominationStatus; nominatedById: string | null }) => {
    // The key of another person's form, or of another session: not this form posted again.
    if (existing.sessionId !== input.sessionId || existing.nominatedById !== actor.userId) throw conflict("nominations.duplicateKey");
    return { ...result(existing, existing.status), created: false, invited: false, emailSent: false };
  };
  const replaySelect = { id: true, sessionId: true, role: true, status: true, nominatedById: true } as const;
  const earlier = await db.nomination.findUnique({ where: { id }, select: replaySelect });
  if (earlier) return replay(earlier);
  if (await isLimited([nominateRule(actor.userId)])) throw rateLimited();

  const now = new Date();
  type Done = { replayed: null; nomination: NominationRow; invitation: { token: string; expiresAt: Date } | null };
  type Replayed = { replayed: { id: string; sessionId: string; role: SpeakerRole; status: NominationStatus; nominatedById: string | null } };
  let outcome: Done | Replayed;
  try {
    outcome = await db.$transaction(async (tx): Promise<Done | Replayed> => {
      // One nomination at a time per session: the duplicate check cannot race.
      await lockSession(tx, input.sessionId);
      // The same form posted at the same moment: the first post committed while this one waited.
      const replayed = await tx.nomination.findUnique({ where: { id }, select: replaySelect });
      if (replayed) return { replayed };
      const session = await tx.reviewSession.findFirst({ where: { id: input.sessionId, status: { not: "DRAFT" } }, select: sessionSelect });
      if (!session) throw notFound();
      if (!isSessionOpenForNominations(session, now)) throw conflict("nominations.sessionClosed");
      if (seatsFor(session, input.role) <= 0) throw fieldError("role", "nominations.roleHasNoSeats");

      let nominee: {
        userId: string | null;
        name: string;
        email: string;
        organizationId: string | null;
        organizationName: string | null;
        country: string;
      };
      if (input.nomineeType === "member") {
        if (!input.nomineeUserId) throw fieldError("member", "required");
        // Only a member of a verified organization, through that organization.
        const membership = await tx.membership.findFirst({
          where: {
            userId: input.nomineeUserId,
            organization: { status: "VERIFIED" },
            ...(input.nomineeOrganizationId ? { organizationId: input.nomineeOrganizationId } : {}),
          },
          orderBy: { createdAt: "asc" },
          select: { user: { select: { id: true, name: true, email: true } }, organization: { select: { id: true, country: true } } },
        });
        if (!membership) throw fieldError("member", "nominations.memberNotFound");
        nominee = {
          userId: membership.user.id,
          name: membership.user.name,
          email: membership.user.email.toLowerCase(),
          organizationId: membership.organization.id,
          organizationName: null,
          country: membership.organization.country,
        };
      } else {
        nominee = {
          userId: null,
          name: input.nomineeName!,
          email: input.nomineeEmail!,
          organizationId: null,
          organizationName: input.nomineeOrganizationName!,
          country: input.nomineeCountry!,
        };
      }

      const optedOut = await tx.nominationOptOut.findUnique({
        where: { sessionId_emailHash: { sessionId: session.id, emailHash: hashOptOutEmail(nominee.email) } },
        select: { sessionId: true },
      });
      if (optedOut) throw conflict("nominations.optedOut");
      // The same person for the same role, still in play (an invitation that ran out no longer counts).
      const duplicate = await tx.nomination.findFirst({
        where: {
          sessionId: session.id,
          role: input.role,
          OR: [
            { nomineeEmail: { equals: nominee.email, mode: "insensitive" } },
            ...(nominee.userId ? [{ nomineeUserId: nominee.userId }] : []),
          ],
          AND: [
            {
              OR: [
                { status: { in: ["PROPOSED", "ACCEPTED", "SELECTED", "NOT_SELECTED"] } },
                { status: "INVITED", OR: [{ invitationExpiresAt: null }, { invitationExpiresAt: { gt: now } }] },
              ],
            },
          ],
        },
        select: { id: true },
      });
      if (duplicate) throw conflict("nominations.alreadyNominated");

      const created = await tx.nomination.create({
        data: {
          id,
          sessionId: session.id,
          role: input.role,
          nomineeUserId: nominee.userId,
          nomineeName: nominee.name,
          nomineeEmail: nominee.email,
          nomineeOrganizationId: nominee.organizationId,
          nomineeOrganizationName: nominee.organizationName,
          nomineeCountry: nominee.country,
          nomineeGender: input.gender ?? null,
          // Words of their own only go with "another identity"; never counted.
          nomineeGenderDescription: input.gender === "ANOTHER" ? (input.genderDescription ?? null) : null,
          languages: input.languages,
          rationale: input.rationale,
          status: "PROPOSED",
          nominatedById: actor.userId,
        },
        select: nominationSelect,
      });
      await recordAudit(tx, {
        actorId: actor.userId,
        action: "nomination.proposed",
        entityType: "Nomination",
        entityId: created.id,
        isPublic: false,
        data: nominationData(created),
      });
      const invitation = input.sendInvitation ? await issueInvitation(tx, created, "PROPOSED", actor.userId, now) : null;
      return { replayed: null, nomination: created, invitation };
    });
  } catch (error) {
    // Two posts of the same form at the same moment: the second insert hits the primary key.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const existing = await db.nomination.findUnique({ where: { id }, select: replaySelect });
      if (existing) return replay(existing);
    }
    throw error;
  }
  if (outcome.replayed) return replay(outcome.replayed);
  await recordHit([nominateRule(actor.userId)]);
  const { nomination, invitation } = outcome;
  const emailSent = invitation ? await deliver([invitationEmail({ ...mailContext(nomination), ...invitation })]) : false;
  return { ...result(nomination, invitation ? "INVITED" : "PROPOSED"), created: true, invited: !!invitation, emailSent };
}

/**
 * A committee member sends the nominee a (new) personal link: to a nomination not yet invited,
 * or whose invitation expired. The link works for 14 days, never after the session starts.
 */
export async function invite(actor: Actor | null, raw: unknown): Promise<NominationResult & { emailSent: boolean }> {
  const input = parseInput(nominationRefSchema, raw);
  if (!actor) throw notSignedIn();
  if (!canActOnNominations(actor)) throw forbidden();
  const now = new Date();
  await settleExpired({ id: input.nominationId }, now);
  const { nomination, invitation } = await db.$transaction(async (tx) => {
    await lockNomination(tx, input.nominationId);
    const n = await tx.nomination.findFirst({ where: { id: input.nominationId, session: { status: { not: "DRAFT" } } }, select: nominationSelect });
    if (!n) throw notFound();
    if (!isSlateOpen(n.session)) throw conflict("nominations.slateClosed");
    transitionOf(n, "invite", now);
    const invitation = await issueInvitation(tx, n, n.status, actor.userId, now);
    return { nomination: n, invitation };
  });
  const emailSent = await deliver([invitationEmail({ ...mailContext(nomination), ...invitation })]);
  return { ...result(nomination, "INVITED"), emailSent };
}

// ─── The nominee's answer, through the personal links ──────────────────────────────────────

/** Marks the token used, if it is of this purpose, unused and not expired; otherwise the one generic refusal. */
async function claimToken(tx: Tx, token: string, purpose: "RESPOND" | "WITHDRAW", now: Date) {
  if (!isTokenShaped(token)) throw linkInvalid();
  const row = await tx.nominationToken.findUnique({
    where: { tokenHash: hashNominationToken(token) },
    select: { id: true, purpose: true, usedAt: true, expiresAt: true, nominationId: true },
  });
  if (!row || row.purpose !== purpose || row.usedAt || row.expiresAt <= now) throw linkInvalid();
  // Single use even when the link is clicked twice at once.
  const claimed = await tx.nominationToken.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: now } });
  if (claimed.count !== 1) throw linkInvalid();
  return row;
}

/** Settles an invitation that expired before its token is looked at, so the refusal leaves it stored as EXPIRED. */
async function settleByToken(token: string, now: Date) {
  if (!isTokenShaped(token)) return;
  const row = await db.nominationToken.findUnique({ where: { tokenHash: hashNominationToken(token) }, select: { nominationId: true } });
  if (row) await settleExpired({ id: row.nominationId }, now);
}

async function tellNominator(tx: Tx, n: NominationRow, kind: NominationNotificationKind) {
  if (!n.nominatedById) return;
  const locale = n.nominatedBy?.preferredLocale ?? "es";
  await notify(tx, {
    userIds: [n.nominatedById],
    kind,
    data: { sessionId: n.sessionId, sessionTitle: titleIn(n.session.title, locale), nomineeName: n.nomineeName },
  });
}

export type RespondResult = NominationResult & { emailSent: boolean };

/**
 * The nominee answers with the personal RESPOND link (no account needed). Accepting records the
 * bio and what may be published, and emails a WITHDRAW link valid until the session starts;
 * declining may add "do not nominate me again for this session". The link then stops working.
 * The actor is not used: the link is the credential.
 */
export async function respondToInvitation(_actor: Actor | null, raw: unknown): Promise<RespondResult> {
  const input = parseInput(respondSchema, raw);
  const now = new Date();
  await settleByToken(input.token, now);
  const { nomination, status, withdrawToken } = await db.$transaction(async (tx) => {
    const token = await claimToken(tx, input.token, "RESPOND", now);
    await lockNomination(tx, token.nominationId);
    const n = await tx.nomination.findUniqueOrThrow({ where: { id: token.nominationId }, select: nominationSelect });
    // A link that outlived its nomination (withdrawn, confirmed…) no longer works either.
    if (!isSlateOpen(n.session) || now >= n.session.startsAt) throw linkInvalid();
    const action = input.response === "accept" ? "accept" : "decline";
    const from = effectiveStatus(n, now);
    const to = nextNominationStatus(from, action);
    if (!to) throw linkInvalid();
    await tx.nominationToken.updateMany({ where: { nominationId: n.id, purpose: "RESPOND", usedAt: null }, data: { usedAt: now } });

    if (action === "accept") {
      await moveNomination(tx, n, {
        status: to,
        respondedAt: now,
        bio: input.bio ?? null,
        publishName: input.publishName,
        publishOrganization: input.publishOrganization,
        publishBio: input.publishBio,
      });
      const withdrawToken = newNominationToken();
      await tx.nominationToken.create({
        data: { nominationId: n.id, purpose: "WITHDRAW", tokenHash: hashNominationToken(withdrawToken), expiresAt: n.session.startsAt },
      });
      await recordAudit(tx, {
        actorId: n.nomineeUserId,
        action: "nomination.accepted",
        entityType: "Nomination",
        entityId: n.id,
        isPublic: false,
        data: { ...nominationData(n), publishName: input.publishName, publishOrganization: input.publishOrganization, publishBio: input.publishBio },
      });
      await tellNominator(tx, n, "nomination.accepted");
      return { nomination: n, status: to, withdrawToken };
    }

    await moveNomination(tx, n, { status: to, respondedAt: now });
    if (input.optOut) {
      await tx.nominationOptOut.createMany({ data: [{ sessionId: n.sessionId, emailHash: hashOptOutEmail(n.nomineeEmail) }], skipDuplicates: true });
    }
    await recordAudit(tx, {
      actorId: n.nomineeUserId,
      action: "nomination.declined",
      entityType: "Nomination",
      entityId: n.id,
      isPublic: false,
      data: { ...nominationData(n), optOut: input.optOut },
    });
    await tellNominator(tx, n, "nomination.declined");
    return { nomination: n, status: to, withdrawToken: null };
  });
  const emailSent = withdrawToken ? await deliver([acceptedEmail({ ...mailContext(nomination), token: withdrawToken })]) : false;
  return { ...result(nomination, status), emailSent };
}

export type WithdrawnBy = "nominee" | "nominator" | "chair" | "staff";

/**
 * A nomination is withdrawn before the session starts: by the nominee (their WITHDRAW link, or
 * signed in as the nominee), by the committee member who nominated, by the chair or by staff.
 * Only the nominee may add "do not nominate me again for this session". Every link of the
 * nomination stops working.
 */
export async function withdraw(actor: Actor | null, raw: unknown): Promise<NominationResult & { by: WithdrawnBy }> {
  const input = parseInput(withdrawSchema, raw);
  const now = new Date();
  if (input.token) {
    await settleByToken(input.token, now);
  } else {
    if (!actor) throw notSignedIn();
    await settleExpired({ id: input.nominationId }, now);
  }

  return db.$transaction(async (tx) => {
    let n: NominationRow;
    let by: WithdrawnBy;
    if (input.token) {
      const token = await claimToken(tx, input.token, "WITHDRAW", now);
      await lockNomination(tx, token.nominationId);
      n = await tx.nomination.findUniqueOrThrow({ where: { id: token.nominationId }, select: nominationSelect });
      by = "nominee";
    } else {
      const who = actor!;
      const committee = !!who.committeeTerm || who.isStaff;
      await lockNomination(tx, input.nominationId!);
      // Scoped by rights: the nominee finds their own; the committee and staff find any (not drafts).
      const found = await tx.nomination.findFirst({
        where: committee
          ? { id: input.nominationId, session: { status: { not: "DRAFT" } } }
          : { id: input.nominationId, nomineeUserId: who.userId, session: { status: { not: "DRAFT" } } },
        select: nominationSelect,
      });
      if (!found) throw notFound();
      n = found;
      const as = canWithdrawAs(who, n);
      if (!as) throw forbidden("nominations.cannotWithdraw");
      by = as;
    }
    if (now >= n.session.startsAt) throw input.token ? linkInvalid() : conflict("nominations.sessionStarted");
    const from = effectiveStatus(n, now);
    const to = nextNominationStatus(from, "withdraw");
    if (!to) throw input.token ? linkInvalid() : wrongState();

    await moveNomination(tx, n, { status: to, withdrawnAt: now });
    await tx.nominationToken.updateMany({ where: { nominationId: n.id, usedAt: null }, data: { usedAt: now } });
    const optOut = by === "nominee" && input.optOut;
    if (optOut) {
      await tx.nominationOptOut.createMany({ data: [{ sessionId: n.sessionId, emailHash: hashOptOutEmail(n.nomineeEmail) }], skipDuplicates: true });
    }
    await recordAudit(tx, {
      actorId: input.token ? n.nomineeUserId : actor!.userId,
      action: "nomination.withdrawn",
      entityType: "Nomination",
      entityId: n.id,
      isPublic: false,
      data: { ...nominationData(n), by, optOut, previousStatus: from },
    });
    // The committee member who nominated them hears it from the app (when they did not do it themselves).
    if (by === "nominee") await tellNominator(tx, n, "nomination.withdrawn");
    return { ...result(n, to), by };
  });
}

// ─── Endorsements ──────────────────────────────────────────────────────────────────────────

export type EndorseResult = { nominationId: string; sessionId: string; alreadyDone: boolean };

/**
 * Another committee member endorses a nomination still in play. Not the nominator, and not a
 * member recused from it (the nominee is from their own organization). Twice is once.
 */
export async function endorse(actor: Actor | null, raw: unknown): Promise<EndorseResult> {
  const input = parseInput(nominationRefSchema, raw);
  if (!actor) throw notSignedIn();
  if (!canActOnNominations(actor)) throw forbidden();
  const own = await actorOrganizations(actor);
  const now = new Date();
  await settleExpired({ id: input.nominationId }, now);
  return db.$transaction(async (tx) => {
    await lockNomination(tx, input.nominationId);
    const n = await tx.nomination.findFirst({ where: { id: input.nominationId, session: { status: { not: "DRAFT" } } }, select: nominationSelect });
    if (!n) throw notFound();
    if (isRecused(own, n)) throw forbidden("nominations.recused");
    if (n.nominatedById === actor.userId) throw forbidden("nominations.ownNomination");
    if (!isSlateOpen(n.session)) throw conflict("nominations.slateClosed");
    transitionOf(n, "endorse", now);
    const { count } = await tx.nominationEndorsement.createMany({ data: [{ nominationId: n.id, userId: actor.userId }], skipDuplicates: true });
    if (count === 0) return { nominationId: n.id, sessionId: n.sessionId, alreadyDone: true };
    await recordAudit(tx, { actorId: actor.userId, action: "nomination.endorsed", entityType: "Nomination", entityId: n.id, isPublic: false, data: nominationData(n) });
    return { nominationId: n.id, sessionId: n.sessionId, alreadyDone: false };
  });
}

/** A committee member takes back their endorsement, until the slate is confirmed. Nothing to take back is not an error. */
export async function removeEndorsement(actor: Actor | null, raw: unknown): Promise<EndorseResult> {
  const input = parseInput(nominationRefSchema, raw);
  if (!actor) throw notSignedIn();
  if (!canActOnNominations(actor)) throw forbidden();
  return db.$transaction(async (tx) => {
    await lockNomination(tx, input.nominationId);
    const n = await tx.nomination.findFirst({ where: { id: input.nominationId, session: { status: { not: "DRAFT" } } }, select: nominationSelect });
    if (!n) throw notFound();
    if (!isSlateOpen(n.session)) throw conflict("nominations.slateClosed");
    const { count } = await tx.nominationEndorsement.deleteMany({ where: { nominationId: n.id, userId: actor.userId } });
    if (count === 0) return { nominationId: n.id, sessionId: n.sessionId, alreadyDone: true };
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "nomination.endorsement_removed",
      entityType: "Nomination",
      entityId: n.id,
      isPublic: false,
      data: nominationData(n),
    });
    return { nominationId: n.id, sessionId: n.sessionId, alreadyDone: false };
  });
}

// ─── Selection ─────────────────────────────────────────────────────────────────────────────

export type SelectResult = NominationResult & {
  /** CHAIR: the chair selected; TWO_MEMBERS: a vote was cast (and selected when it was the second). */
  mode: SelectionMode;
  votes: number;
  selected: boolean;
};

/** Balance warnings as private audit data: how many of how many seats, and the sub-region (never a gender). */
const warningData = (warnings: readonly BalanceWarning[]) =>
  warnings.map((w) => ({ dimension: w.dimension, count: w.count, seats: w.seats, ...(w.dimension === "subregion" ? { subregion: w.key } : {}) }));

/**
 * Selecting an accepted nominee into a seat. In CHAIR mode the chair selects alone; in
 * TWO_MEMBERS mode (or when every chair is recused from this nomination) each member votes with
 * a rationale and the second vote by a different member selects. Recused members cannot. Seats
 * are never exceeded: the session row is locked and the seats counted, and the database trigger
 * refuses anything over (mapped to the same conflict). A slate where one gender or one
 * sub-region would hold more than 60% of the seats needs `acknowledgeImbalance` and a reason.
 */
export async function select(actor: Actor | null, raw: unknown): Promise<SelectResult> {
  const input = parseInput(selectSchema, raw);
  if (!actor) throw notSignedIn();
  if (!canActOnNominations(actor)) throw forbidden();
  const own = await actorOrganizations(actor);
  const now = new Date();

  return withSeatLimit(() =>
    db.$transaction(async (tx) => {
      const target = await tx.nomination.findFirst({ where: { id: input.nominationId, session: { status: { not: "DRAFT" } } }, select: { sessionId: true } });
      if (!target) throw notFound();
      // Every selection and vote of the session waits here for the one before it to commit.
      await lockSession(tx, target.sessionId);
      const n = await tx.nomination.findUniqueOrThrow({
        where: { id: input.nominationId },
        select: { ...nominationSelect, selectionVotes: { orderBy: { createdAt: "asc" }, select: { userId: true, rationale: true } } },
      });
      if (isRecused(own, n)) throw forbidden("nominations.recused");
      if (!isSlateOpen(n.session)) throw conflict("nominations.slateClosed");
      const { from, to } = transitionOf(n, "select", now);

      const mode = effectiveSelectionMode(n.session.selectionMode, chairAvailableFor(await activeChairs(tx, now), n));
      if (mode === "CHAIR" && !isChair(actor)) throw forbidden("nominations.chairOnly");
      if (mode === "TWO_MEMBERS" && n.selectionVotes.some((v) => v.userId === actor.userId)) throw conflict("nominations.alreadyVoted");

      const slate = await tx.nomination.findMany({
        where: { sessionId: n.sessionId, status: "SELECTED" },
        select: { role: true, nomineeUserId: true, nomineeEmail: true, nomineeCountry: true, nomineeGender: true, languages: true, nomineeOrganization: { select: { subregion: true, type: true } } },
      });
      if (slate.filter((s) => s.role === n.role).length >= seatsFor(n.session, n.role)) throw conflict("nominations.seatsFull");

      const earlier = await earlierSpeakers(tx, [...slate, n], n.session.startsAt, [n.sessionId]);
      const balance = balanceIfSelected(
        slate.map((s) => slateMember(s, earlier)),
        slateMember(n, earlier),
        totalSeats(n.session),
      );
      if (balance.warnings.length > 0) {
        const missing: Record<string, { key: string }[]> = {};
        if (!input.acknowledgeImbalance) missing.acknowledgeImbalance = [{ key: "nominations.acknowledgeImbalance" }];
        if (!input.balanceReason) missing.balanceReason = [{ key: "nominations.balanceReasonRequired" }];
        if (Object.keys(missing).length > 0) throw invalid(missing, "nominations.imbalanceNeedsAcknowledgement");
        await recordAudit(tx, {
          actorId: actor.userId,
          action: "nomination.balance_acknowledged",
          entityType: "Nomination",
          entityId: n.id,
          isPublic: false,
          data: { ...nominationData(n), reason: input.balanceReason!, warnings: warningData(balance.warnings) },
        });
      }

      if (mode === "CHAIR") {
        await moveNomination(tx, n, {
          status: to,
          selectedAt: now,
          selectedById: actor.userId,
          selectionRationale: input.rationale,
        });
        await recordAudit(tx, {
          actorId: actor.userId,
          action: "nomination.selected",
          entityType: "Nomination",
          entityId: n.id,
          isPublic: false,
          data: { ...nominationData(n), mode, rationale: input.rationale },
        });
        return { ...result(n, to), mode, votes: n.selectionVotes.length, selected: true };
      }

      await tx.nominationSelectionVote.create({ data: { nominationId: n.id, userId: actor.userId, rationale: input.rationale } });
      await recordAudit(tx, {
        actorId: actor.userId,
        action: "nomination.vote",
        entityType: "Nomination",
        entityId: n.id,
        isPublic: false,
        data: { ...nominationData(n), rationale: input.rationale },
      });
      const votes = n.selectionVotes.length + 1;
      if (votes < VOTES_TO_SELECT) return { ...result(n, from), mode, votes, selected: false };
      // The first vote's rationale is the one kept on the nomination; each vote keeps its own.
      const rationale = n.selectionVotes[0]?.rationale ?? input.rationale;
      await moveNomination(tx, n, { status: to, selectedAt: now, selectedById: actor.userId, selectionRationale: rationale });
      await recordAudit(tx, {
        actorId: actor.userId,
        action: "nomination.selected",
        entityType: "Nomination",
        entityId: n.id,
        isPublic: false,
        data: { ...nominationData(n), mode, rationale, votes },
      });
      return { ...result(n, to), mode, votes, selected: true };
    }),
  );
}

/**
 * A selected nominee goes back to accepted, before staff confirm the slate: by the chair in
 * CHAIR mode, by any member (not recused) in two-member mode. The votes are cleared: selecting
 * again takes new ones.
 */
export async function unselect(actor: Actor | null, raw: unknown): Promise<NominationResult> {
  const input = parseInput(nominationRefSchema, raw);
  if (!actor) throw notSignedIn();
  if (!canActOnNominations(actor)) throw forbidden();
  const own = await actorOrganizations(actor);
  const now = new Date();
  return db.$transaction(async (tx) => {
    const target = await tx.nomination.findFirst({ where: { id: input.nominationId, session: { status: { not: "DRAFT" } } }, select: { sessionId: true } });
    if (!target) throw notFound();
    await lockSession(tx, target.sessionId);
    const n = await tx.nomination.findUniqueOrThrow({ where: { id: input.nominationId }, select: nominationSelect });
    if (isRecused(own, n)) throw forbidden("nominations.recused");
    if (!isSlateOpen(n.session)) throw conflict("nominations.slateClosed");
    const { to } = transitionOf(n, "unselect", now);
    const mode = effectiveSelectionMode(n.session.selectionMode, chairAvailableFor(await activeChairs(tx, now), n));
    if (mode === "CHAIR" && !isChair(actor)) throw forbidden("nominations.chairOnly");
    await moveNomination(tx, n, { status: to, selectedAt: null, selectedById: null, selectionRationale: null });
    await tx.nominationSelectionVote.deleteMany({ where: { nominationId: n.id } });
    await recordAudit(tx, { actorId: actor.userId, action: "nomination.unselected", entityType: "Nomination", entityId: n.id, isPublic: false, data: nominationData(n) });
    return result(n, to);
  });
}

/** The chair or staff decide, per session, whether the chair selects or any two members together (until the slate is confirmed). */
export async function setSelectionMode(actor: Actor | null, raw: unknown): Promise<{ sessionId: string; mode: SelectionMode; changed: boolean }> {
  const input = parseInput(selectionModeSchema, raw);
  if (!actor) throw notSignedIn();
  if (!canSetSelectionMode(actor)) throw forbidden();
  return db.$transaction(async (tx) => {
    await lockSession(tx, input.sessionId);
    const session = await tx.reviewSession.findFirst({ where: { id: input.sessionId, status: { not: "DRAFT" } }, select: sessionSelect });
    if (!session) throw notFound();
    if (!isSlateOpen(session)) throw conflict("nominations.slateClosed");
    if (session.selectionMode === input.mode) return { sessionId: session.id, mode: input.mode, changed: false };
    await tx.reviewSession.update({ where: { id: session.id }, data: { selectionMode: input.mode } });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "nomination.selection_mode_changed",
      entityType: "ReviewSession",
      entityId: session.id,
      isPublic: false,
      data: { sessionId: session.id, sessionTitle: asLocalizedText(session.title), mode: input.mode, previousMode: session.selectionMode },
    });
    return { sessionId: session.id, mode: input.mode, changed: true };
  });
}

// ─── Confirmation by staff ─────────────────────────────────────────────────────────────────

export type ConfirmResult = { sessionId: string; selected: number; notSelected: number; expired: number; emailsSent: boolean };

/**
 * Staff confirm the slate of a session open for nominations: the selected stay selected, the
 * accepted ones are not selected, the ones never answered (proposed, invited) expire, and the
 * session moves to SPEAKERS_CONFIRMED. The public log gets one entry per speaker (what they
 * allowed to publish, who selected them and why) and one for the session; selected and
 * not-selected nominees are told by email, and in the app when they have an account.
 */
export async function confirmSlate(actor: Actor | null, raw: unknown): Promise<ConfirmResult> {
  const input = parseInput(sessionRefSchema, raw);
  if (!actor) throw notSignedIn();
  if (!canConfirmSlate(actor)) throw forbidden();
  const now = new Date();

  const outcome = await db.$transaction(async (tx) => {
    await lockSession(tx, input.sessionId);
    const session = await tx.reviewSession.findFirst({ where: { id: input.sessionId, status: { not: "DRAFT" } }, select: sessionSelect });
    if (!session) throw notFound();
    if (!isSlateOpen(session)) throw conflict("nominations.slateClosed");
    const nominations = await tx.nomination.findMany({
      where: { sessionId: session.id },
      orderBy: [{ role: "asc" }, { selectedAt: "asc" }, { createdAt: "asc" }],
      select: {
        ...nominationSelect,
        publishName: true,
        publishOrganization: true,
        selectionRationale: true,
        nomineeOrganization: { select: { name: true, subregion: true, type: true } },
        selectedBy: { select: { name: true } },
        selectionVotes: { orderBy: { createdAt: "asc" }, select: { rationale: true, user: { select: { name: true } } } },
      },
    });
    const selected = nominations.filter((n) => n.status === "SELECTED");
    if (selected.length === 0) throw conflict("nominations.emptySlate");

    // From the stored status: an invitation that ran out unnoticed (still INVITED) expires too.
    const byOutcome = (target: NominationStatus) => nominations.filter((n) => n.status !== target && nextNominationStatus(n.status, "confirm") === target);
    const notSelected = byOutcome("NOT_SELECTED");
    const expired = byOutcome("EXPIRED");
    if (notSelected.length) {
      await tx.nomination.updateMany({ where: { id: { in: notSelected.map((n) => n.id) }, status: "ACCEPTED" }, data: { status: "NOT_SELECTED" } });
    }
    if (expired.length) {
      await tx.nomination.updateMany({ where: { id: { in: expired.map((n) => n.id) }, status: { in: ["PROPOSED", "INVITED"] } }, data: { status: "EXPIRED" } });
      await tx.nominationToken.updateMany({ where: { nominationId: { in: expired.map((n) => n.id) }, purpose: "RESPOND", usedAt: null }, data: { usedAt: now } });
    }
    const { count } = await tx.reviewSession.updateMany({
      where: { id: session.id, status: "OPEN_FOR_NOMINATIONS" },
      data: { status: "SPEAKERS_CONFIRMED", statusChangedAt: now },
    });
    if (count !== 1) throw conflict("nominations.slateClosed");

    const sessionTitle = asLocalizedText(session.title);
    for (const n of selected) {
      const twoMembers = n.selectionVotes.length >= VOTES_TO_SELECT;
      const selectedBy = twoMembers ? n.selectionVotes.map((v) => v.user.name).join(", ") : (n.selectedBy?.name ?? "");
      const rationale = twoMembers ? n.selectionVotes.map((v) => v.rationale).join("\n\n") : (n.selectionRationale ?? "");
      await recordAudit(tx, {
        actorId: actor.userId,
        action: "nomination.confirmed",
        entityType: "Nomination",
        entityId: n.id,
        isPublic: true,
        // Only what the speaker allowed to publish; never the email, the gender or the committee's nomination rationale.
        data: {
          sessionId: session.id,
          sessionTitle,
          role: n.role,
          speakerName: n.publishName ? n.nomineeName : null,
          organizationName: n.publishOrganization ? (n.nomineeOrganization?.name ?? n.nomineeOrganizationName ?? null) : null,
          selectedBy,
          rationale,
        },
      });
    }
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "session.speakers_confirmed",
      entityType: "ReviewSession",
      entityId: session.id,
      isPublic: true,
      data: { sessionId: session.id, sessionTitle, speakerCount: selected.length },
    });

    // In the app, for nominees with an account, in their language.
    const tellAll = async (list: typeof nominations, kind: NominationNotificationKind) => {
      for (const n of list) {
        if (!n.nomineeUserId) continue;
        await notify(tx, {
          userIds: [n.nomineeUserId],
          kind,
          data: { sessionId: session.id, sessionTitle: titleIn(session.title, n.nomineeUser?.preferredLocale ?? "es") },
        });
      }
    };
    await tellAll(selected, "nomination.selected");
    await tellAll(notSelected, "nomination.not_selected");
    return { session, selected, notSelected, expired };
  });

  const emailsSent = await deliver([
    ...outcome.selected.map((n) => selectedEmail(mailContext(n))),
    ...outcome.notSelected.map((n) => notSelectedEmail(mailContext(n))),
  ]);
  return {
    sessionId: outcome.session.id,
    selected: outcome.selected.length,
    notSelected: outcome.notSelected.length,
    expired: outcome.expired.length,
    emailsSent,
  };
}
