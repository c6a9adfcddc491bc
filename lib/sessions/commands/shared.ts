import type { Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/commands/run";
import { lockRow } from "@/lib/db/locks";
import { AppError, conflict, notFound, type FieldErrors } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Locale, SessionStatus, SpeakerRole } from "@/lib/generated/prisma/enums";
import { asLocalizedText, pickLocalized } from "@/lib/i18n/localized-text";
import { notifyFollowers } from "@/lib/follows/notify";
import { notify } from "@/lib/notifications/notify";
import { locales } from "@/i18n/routing";
import { canManageSessions, PUBLIC_SESSION_STATUSES } from "../policy";
import { SEAT_FIELDS, type SessionValues } from "../schemas";

/** What commands read about a session and return. */
export const sessionSelect = {
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

export type SessionRow = Prisma.ReviewSessionGetPayload<{ select: typeof sessionSelect }>;
export type SessionResult = { id: string; status: SessionStatus };

export const sessionResult = (row: { id: string; status: SessionStatus }): SessionResult => ({ id: row.id, status: row.status });

/** What log entries about a session carry: its id and its title in every language it has. */
export const auditData = (session: { id: string; title: unknown }) => ({ sessionId: session.id, sessionTitle: asLocalizedText(session.title) });

/**
 * Locks the session's row for the rest of the transaction and reads it. The nominations
 * module's select (and the seat trigger) lock it too, so seats cannot shrink under a selection
 * happening at the same moment, and two changes of state happen one after another.
 */
export async function lockSession(tx: Tx, sessionId: string) {
  await lockRow(tx, "ReviewSession", sessionId);
  const session = await tx.reviewSession.findUnique({ where: { id: sessionId }, select: { ...sessionSelect, summary: true } });
  if (!session) throw notFound();
  return session;
}

/** The stored columns for the staff's values. */
export const columns = (values: SessionValues) => ({
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

/** Seats cannot go below the speakers already selected for a role. */
export async function checkSeats(tx: Tx, sessionId: string, values: SessionValues) {
  const selected = await tx.nomination.groupBy({ by: ["role"], where: { sessionId, status: "SELECTED" }, _count: { _all: true } });
  const fieldErrors: FieldErrors = {};
  for (const row of selected) {
    const field = SEAT_FIELDS[row.role as SpeakerRole];
    if (values[field] < row._count._all) fieldErrors[field] = [{ key: "sessions.seatsBelowSelectedField", values: { selected: row._count._all } }];
  }
  if (Object.keys(fieldErrors).length > 0) throw new AppError("conflict", { key: "sessions.seatsBelowSelected" }, fieldErrors);
}

/**
 * Registrants, then followers who did not register, hear in the app, each once and in their
 * language, that the time, place or link changed (in the change's transaction); never the actor.
 */
export async function tellRegistrants(tx: Tx, sessionId: string, title: unknown, actorId: string) {
  const registrants = await tx.sessionRegistration.findMany({ where: { sessionId }, select: { userId: true, user: { select: { preferredLocale: true } } } });
  for (const locale of locales) {
    const userIds = registrants.filter((r) => r.user.preferredLocale === locale).map((r) => r.userId);
    const sessionTitle = pickLocalized(title, locale)?.text;
    if (userIds.length && sessionTitle) await notify(tx, { userIds, kind: "session.changed", data: { sessionId, sessionTitle }, exceptUserId: actorId });
  }
  const data = (locale: Locale) => {
    const sessionTitle = pickLocalized(title, locale)?.text;
    return sessionTitle ? { sessionId, sessionTitle } : null;
  };
  await notifyFollowers(tx, { subject: "SESSION", key: sessionId }, "session.followed_changed", data, [actorId, ...registrants.map((r) => r.userId)]);
}

/**
 * Moves a session to `to` with the current status in the WHERE (if someone else moved it
 * first, nothing is written), stamping when the status changed.
 */
export async function moveSession(
  tx: Tx,
  current: { id: string; status: SessionStatus },
  to: SessionStatus,
  now: Date,
  data: Prisma.ReviewSessionUpdateManyMutationInput = {},
) {
  const changes = { ...data, status: to, ...(to !== current.status ? { statusChangedAt: now } : {}) };
  const { count } = await tx.reviewSession.updateMany({ where: { id: current.id, status: current.status }, data: changes });
  if (count !== 1) throw conflict();
  return { id: current.id, status: to };
}

/** The session as the actor may see it (drafts only for staff), for a registration command. */
export async function sessionForRegistration(tx: Tx, actor: Actor, sessionId: string) {
  const session = await tx.reviewSession.findFirst({
    where: canManageSessions(actor) ? { id: sessionId } : { id: sessionId, status: { in: PUBLIC_SESSION_STATUSES } },
    select: { id: true, title: true, status: true, endsAt: true },
  });
  if (!session) throw notFound();
  return session;
}

export type RegistrationResult = { sessionId: string; registrationId: string | null };

/** Registrations show on the session's page (the participant list) and the staff desk. */
export const REGISTRATION_SURFACES = ["sessions", "dashboard"] as const;

/** A public session's change shows on its page, the desk, the public log and the home page. */
export const PUBLIC_SESSION_SURFACES = ["sessions", "dashboard", "transparency", "home"] as const;
