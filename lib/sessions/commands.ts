import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { SessionStatus, SpeakerRole } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { AppError, conflict, fieldError, forbidden, notFound, notSignedIn, parseInput, type FieldErrors } from "@/lib/errors";
import { asLocalizedText, pickLocalized } from "@/lib/i18n/localized-text";
import { notify } from "@/lib/notifications/notify";
import { locales } from "@/i18n/routing";
import {
  canManageSessions,
  isRegistrationOpen,
  isSessionEditable,
  nextSessionStatus,
  PUBLIC_SESSION_STATUSES,
  SESSION_AUDIT_ACTION,
  type SessionAction,
} from "./policy";
import {
  createSessionSchema,
  openSessionSchema,
  publishSummarySchema,
  registrationSchema,
  SEAT_FIELDS,
  sessionRefSchema,
  updateSessionSchema,
  type SessionValues,
} from "./schemas";
import { localInputToDate } from "./time";

type Tx = Prisma.TransactionClient;

/** What commands read about a session and return. */
const sessionSelect = {
  id: true,
  title: true,
  status: true,
  startsAt: true,
  endsAt: true,
  timeZone: true,
  nominationDeadline: true,
  createdById: true,
  // Registrants are told when these change (updateSession).
  format: true,
  place: true,
  link: true,
} satisfies Prisma.ReviewSessionSelect;

type SessionRow = Prisma.ReviewSessionGetPayload<{ select: typeof sessionSelect }>;
export type SessionResult = { id: string; status: SessionStatus };

const result = (row: { id: string; status: SessionStatus }): SessionResult => ({ id: row.id, status: row.status });

/** What public log entries about a session carry: its id and its title in every language it has. */
const auditData = (session: { id: string; title: unknown }) => ({ sessionId: session.id, sessionTitle: asLocalizedText(session.title) });

const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

/**
 * Locks the session's row for the rest of the transaction. The nominations module's select
 * (and the seat trigger) lock it too, so seats cannot shrink under a selection happening at the
 * same moment, and two changes of state happen one after another.
 */
async function lockSession(tx: Tx, sessionId: string) {
  await tx.$queryRaw`SELECT id::text FROM "ReviewSession" WHERE id = ${sessionId}::uuid FOR UPDATE`;
}

/** The stored columns for the staff's values. */
const columns = (values: SessionValues) => ({
  title: values.title,
  description: values.description,
  startsAt: values.startsAt,
  endsAt: values.endsAt,
  timeZone: values.timeZone,
  format: values.format,
  place: values.place,
  link: values.link,
  workingLanguages: values.workingLanguages,
  interpretation: values.interpretation,
  objectives: values.objectives,
  panelistSeats: values.panelistSeats,
  rapporteurSeats: values.rapporteurSeats,
  moderatorSeats: values.moderatorSeats,
  nominationDeadline: values.nominationDeadline,
});

// ─── Creating and editing ──────────────────────────────────────────────────────────────────

/**
 * Staff create a session as a draft (seen by staff only). The form's idempotency key becomes
 * the session's id: posting the same form again returns the session created the first time.
 */
export async function createSession(actor: Actor | null, raw: unknown): Promise<SessionResult & { created: boolean }> {
  const input = parseInput(createSessionSchema, raw);
  if (!actor) throw notSignedIn();
  if (!canManageSessions(actor)) throw forbidden();
  const id = input.idempotencyKey ?? randomUUID();

  const replay = (existing: SessionRow) => {
    if (existing.createdById !== actor.userId) throw conflict("sessions.duplicateKey");
    return { ...result(existing), created: false };
  };
  const earlier = await db.reviewSession.findUnique({ where: { id }, select: sessionSelect });
  if (earlier) return replay(earlier);

  try {
    const created = await db.$transaction(async (tx) => {
      const row = await tx.reviewSession.create({
        data: { id, ...columns(input), status: "DRAFT", createdById: actor.userId },
        select: sessionSelect,
      });
      await recordAudit(tx, {
        actorId: actor.userId,
        action: "session.created",
        entityType: "ReviewSession",
        entityId: row.id,
        isPublic: false,
        data: auditData(row),
      });
      return row;
    });
    return { ...result(created), created: true };
  } catch (error) {
    // The same form posted twice at the same moment: the second insert hits the primary key.
    if (isUniqueViolation(error)) {
      const existing = await db.reviewSession.findUnique({ where: { id }, select: sessionSelect });
      if (existing) return replay(existing);
    }
    throw error;
  }
}

/** Seats cannot go below the speakers already selected for a role. */
async function checkSeats(tx: Tx, sessionId: string, values: SessionValues) {
  const selected = await tx.nomination.groupBy({ by: ["role"], where: { sessionId, status: "SELECTED" }, _count: { _all: true } });
  const fieldErrors: FieldErrors = {};
  for (const row of selected) {
    const field = SEAT_FIELDS[row.role as SpeakerRole];
    if (values[field] < row._count._all) fieldErrors[field] = [{ key: "sessions.seatsBelowSelectedField", values: { selected: row._count._all } }];
  }
  if (Object.keys(fieldErrors).length > 0) throw new AppError("conflict", { key: "sessions.seatsBelowSelected" }, fieldErrors);
}

/**
 * Staff edit a session in any state before it is held. While it is open for nominations the
 * deadline stays set (a new one must be in the future); seats never go below the speakers
 * already selected. Public sessions' edits are in the public log.
 */
export async function updateSession(actor: Actor | null, raw: unknown): Promise<SessionResult> {
  const input = parseInput(updateSessionSchema, raw);
  if (!actor) throw notSignedIn();
  if (!canManageSessions(actor)) throw forbidden();
  const now = new Date();

  const updated = await db.$transaction(async (tx) => {
    await lockSession(tx, input.sessionId);
    const current = await tx.reviewSession.findUnique({ where: { id: input.sessionId }, select: sessionSelect });
    if (!current) throw notFound();
    if (!isSessionEditable(current.status)) throw conflict("sessions.notEditable");
    if (current.status === "OPEN_FOR_NOMINATIONS") {
      if (!input.nominationDeadline) throw fieldError("nominationDeadline", "sessions.deadlineRequired");
      // The form shows the deadline to the minute: the same minute is the same deadline.
      const minute = (date: Date) => Math.floor(date.getTime() / 60_000);
      const changed = !current.nominationDeadline || minute(current.nominationDeadline) !== minute(input.nominationDeadline);
      if (changed && input.nominationDeadline <= now) throw fieldError("nominationDeadline", "sessions.deadlineInPast");
    }
    await checkSeats(tx, current.id, input);
    const { count } = await tx.reviewSession.updateMany({ where: { id: current.id, status: current.status }, data: columns(input) });
    if (count !== 1) throw conflict();
    const practicalChange =
      current.startsAt.getTime() !== input.startsAt.getTime() ||
      current.endsAt.getTime() !== input.endsAt.getTime() ||
      current.timeZone !== input.timeZone ||
      current.format !== input.format ||
      (current.place ?? null) !== (input.place ?? null) ||
      (current.link ?? null) !== (input.link ?? null);
    if (practicalChange && current.status !== "DRAFT") await tellRegistrants(tx, current.id, input.title);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "session.updated",
      entityType: "ReviewSession",
      entityId: current.id,
      isPublic: current.status !== "DRAFT",
      data: auditData({ id: current.id, title: input.title }),
    });
    return current;
  });
  return result(updated);
}

/** Registrants hear in the app, each in their language, that the time, place or link changed. */
async function tellRegistrants(tx: Prisma.TransactionClient, sessionId: string, title: unknown) {
  const registrants = await tx.sessionRegistration.findMany({ where: { sessionId }, select: { userId: true, user: { select: { preferredLocale: true } } } });
  for (const locale of locales) {
    const userIds = registrants.filter((r) => r.user.preferredLocale === locale).map((r) => r.userId);
    const sessionTitle = pickLocalized(title, locale)?.text;
    if (userIds.length && sessionTitle) await notify(tx, { userIds, kind: "session.changed", data: { sessionId, sessionTitle } });
  }
}

// ─── Lifecycle ─────────────────────────────────────────────────────────────────────────────

/**
 * One change of state, by staff: lock and load the session, check the state machine and the
 * action's own rule (`check`, which may add columns), update with the current status in the
 * WHERE, and record the public entry, all in one transaction.
 */
async function transition(
  actor: Actor | null,
  action: SessionAction,
  sessionId: string,
  check: (current: SessionRow & { summary: string | null }, now: Date) => Prisma.ReviewSessionUpdateManyMutationInput,
  auditAction?: (current: SessionRow) => string,
  extraAudit?: (current: SessionRow, data: Prisma.ReviewSessionUpdateManyMutationInput) => Record<string, string>,
): Promise<SessionResult> {
  if (!actor) throw notSignedIn();
  if (!canManageSessions(actor)) throw forbidden();
  const now = new Date();
  return db.$transaction(async (tx) => {
    await lockSession(tx, sessionId);
    const current = await tx.reviewSession.findUnique({ where: { id: sessionId }, select: { ...sessionSelect, summary: true } });
    if (!current) throw notFound();
    const to = nextSessionStatus(current.status, action);
    if (!to) throw conflict("sessions.wrongState");
    const data = { ...check(current, now), status: to, ...(to !== current.status ? { statusChangedAt: now } : {}) };
    const { count } = await tx.reviewSession.updateMany({ where: { id: current.id, status: current.status }, data });
    if (count !== 1) throw conflict();
    await recordAudit(tx, {
      actorId: actor.userId,
      action: auditAction?.(current) ?? SESSION_AUDIT_ACTION[action],
      entityType: "ReviewSession",
      entityId: current.id,
      isPublic: true,
      data: { ...auditData(current), ...(extraAudit?.(current, data) ?? {}) },
    });
    return { id: current.id, status: to };
  });
}

/**
 * Draft → open for nominations: the session becomes public. Needs a nomination deadline in
 * the future and before the start (typed here, local to the session's zone, or saved earlier).
 */
export async function openSession(actor: Actor | null, raw: unknown): Promise<SessionResult> {
  const input = parseInput(openSessionSchema, raw);
  return transition(
    actor,
    "open",
    input.sessionId,
    (current, now) => {
      let deadline = current.nominationDeadline;
      if (input.nominationDeadline) {
        deadline = localInputToDate(input.nominationDeadline, current.timeZone);
        if (!deadline) throw fieldError("nominationDeadline", "sessions.invalidLocalTime");
      }
      if (!deadline) throw fieldError("nominationDeadline", "sessions.deadlineRequired");
      if (deadline <= now) throw fieldError("nominationDeadline", "sessions.deadlineInPast");
      if (deadline >= current.startsAt) throw fieldError("nominationDeadline", "sessions.deadlineAfterStart");
      return { nominationDeadline: deadline };
    },
    undefined,
    // The zone goes with the deadline so the public log shows it as the session page does.
    (current, data) => ({ nominationDeadline: (data.nominationDeadline as Date).toISOString(), timeZone: current.timeZone }),
  );
}

/** Speakers confirmed → held, once the session has started. */
export async function markSessionHeld(actor: Actor | null, raw: unknown): Promise<SessionResult> {
  const input = parseInput(sessionRefSchema, raw);
  return transition(actor, "markHeld", input.sessionId, (current, now) => {
    if (now < current.startsAt) throw conflict("sessions.notStartedYet");
    return {};
  });
}

/**
 * Held → report published, with the rapporteur's summary (Markdown). On a published report,
 * the same command publishes a correction (logged as such).
 */
export async function publishSessionSummary(actor: Actor | null, raw: unknown): Promise<SessionResult> {
  const input = parseInput(publishSummarySchema, raw);
  return transition(
    actor,
    "publishSummary",
    input.sessionId,
    () => ({ summary: input.summary, summaryLanguage: input.summaryLanguage }),
    (current) => (current.status === "REPORT_PUBLISHED" ? "session.report_corrected" : SESSION_AUDIT_ACTION.publishSummary),
  );
}

// ─── Registrations ─────────────────────────────────────────────────────────────────────────

/** The session as the actor may see it (drafts only for staff), for a registration command. */
async function sessionForRegistration(tx: Tx, actor: Actor, sessionId: string) {
  const session = await tx.reviewSession.findFirst({
    where: canManageSessions(actor) ? { id: sessionId } : { id: sessionId, status: { in: PUBLIC_SESSION_STATUSES } },
    select: { id: true, title: true, status: true, endsAt: true },
  });
  if (!session) throw notFound();
  if (!isRegistrationOpen(session)) throw conflict("sessions.registrationClosed");
  return session;
}

export type RegistrationResult = { sessionId: string; registrationId: string | null };

/**
 * A signed-in user registers for a session that takes registrations: the language they need,
 * their access needs (with a note for "other") and whether to appear in the participant list.
 */
export async function registerForSession(actor: Actor | null, raw: unknown): Promise<RegistrationResult> {
  const input = parseInput(registrationSchema, raw);
  if (!actor) throw notSignedIn();
  try {
    return await db.$transaction(async (tx) => {
      const session = await sessionForRegistration(tx, actor, input.sessionId);
      const existing = await tx.sessionRegistration.findUnique({
        where: { sessionId_userId: { sessionId: session.id, userId: actor.userId } },
        select: { id: true },
      });
      if (existing) throw conflict("sessions.alreadyRegistered");
      const row = await tx.sessionRegistration.create({
        data: {
          sessionId: session.id,
          userId: actor.userId,
          language: input.language,
          accessNeeds: input.accessNeeds,
          accessNote: input.accessNote ?? null,
          listed: input.listed,
        },
        select: { id: true },
      });
      await recordAudit(tx, {
        actorId: actor.userId,
        action: "session.registered",
        entityType: "ReviewSession",
        entityId: session.id,
        isPublic: false,
        data: auditData(session),
      });
      return { sessionId: session.id, registrationId: row.id };
    });
  } catch (error) {
    // Two posts of the same form at the same moment: the second insert hits the unique key.
    if (isUniqueViolation(error)) throw conflict("sessions.alreadyRegistered");
    throw error;
  }
}

/** The participant changes their registration while registration is open. */
export async function updateRegistration(actor: Actor | null, raw: unknown): Promise<RegistrationResult> {
  const input = parseInput(registrationSchema, raw);
  if (!actor) throw notSignedIn();
  return db.$transaction(async (tx) => {
    const session = await sessionForRegistration(tx, actor, input.sessionId);
    const { count } = await tx.sessionRegistration.updateMany({
      where: { sessionId: session.id, userId: actor.userId },
      data: { language: input.language, accessNeeds: input.accessNeeds, accessNote: input.accessNote ?? null, listed: input.listed },
    });
    if (count !== 1) throw conflict("sessions.notRegistered");
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "session.registration_updated",
      entityType: "ReviewSession",
      entityId: session.id,
      isPublic: false,
      data: auditData(session),
    });
    return { sessionId: session.id, registrationId: null };
  });
}

/** The participant cancels their registration while registration is open. */
export async function cancelRegistration(actor: Actor | null, raw: unknown): Promise<RegistrationResult> {
  const input = parseInput(sessionRefSchema, raw);
  if (!actor) throw notSignedIn();
  return db.$transaction(async (tx) => {
    const session = await sessionForRegistration(tx, actor, input.sessionId);
    const { count } = await tx.sessionRegistration.deleteMany({ where: { sessionId: session.id, userId: actor.userId } });
    if (count !== 1) throw conflict("sessions.notRegistered");
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "session.registration_cancelled",
      entityType: "ReviewSession",
      entityId: session.id,
      isPublic: false,
      data: auditData(session),
    });
    return { sessionId: session.id, registrationId: null };
  });
}
