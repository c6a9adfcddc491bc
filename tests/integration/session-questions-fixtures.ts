// A live review session with one person in every role its questions know, written straight to
// the database (the commands are what the session-questions tests exercise).
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import type { SessionQuestionState, SessionStatus } from "@/lib/generated/prisma/enums";
import { actorFor, buildWorld, createOrganization, createUser } from "../helpers/factories";
import { createSession, insertNomination } from "../helpers/session-fixtures";

const MINUTE = 60_000;

export type QuestionRole = "visitor" | "signedIn" | "registered" | "moderator" | "rapporteur" | "panelist" | "staff" | "admin";
export const QUESTION_ROLES: QuestionRole[] = ["visitor", "signedIn", "registered", "moderator", "rapporteur", "panelist", "staff", "admin"];

/** A session under way: started 30 minutes ago, ends in 90, speakers confirmed. */
export async function liveSession(options: { status?: SessionStatus; startsAt?: Date; endsAt?: Date } = {}) {
  const startsAt = options.startsAt ?? new Date(Date.now() - 30 * MINUTE);
  return createSession({ status: options.status ?? "SPEAKERS_CONFIRMED", startsAt, endsAt: options.endsAt ?? new Date(startsAt.getTime() + 120 * MINUTE) });
}

/**
 * Every role around one live session: a registered participant (listed, member of a verified
 * organization in Guatemala), a second one (not listed) who asks the questions others support,
 * the moderator, the rapporteur and a panelist (confirmed speakers with accounts), someone
 * signed in but not registered, staff and an admin.
 */
export async function questionWorld(session?: { id: string }) {
  const world = await buildWorld();
  const s = session ?? (await liveSession());
  const asker = await createUser({ name: "Asker Not Listed" });
  const moderator = await createUser({ name: "Moderadora" });
  const rapporteur = await createUser({ name: "Relatora" });
  const panelist = await createUser({ name: "Panelista" });
  const listedOrg = await createOrganization({ name: "Colectivo Visible", country: "GT", members: [{ userId: world.users.participant.id, role: "MEMBER" }] });
  await createOrganization({ name: "Red Oculta", country: "HN", members: [{ userId: asker.id, role: "MEMBER" }] });
  await db.sessionRegistration.createMany({
    data: [
      { sessionId: s.id, userId: world.users.participant.id, language: "es", listed: true },
      { sessionId: s.id, userId: asker.id, language: "en", listed: false },
    ],
  });
  await insertNomination(s.id, { role: "MODERATOR", nomineeUserId: moderator.id });
  await insertNomination(s.id, { role: "RAPPORTEUR", nomineeUserId: rapporteur.id });
  await insertNomination(s.id, { role: "PANELIST", nomineeUserId: panelist.id });
  const actors: Record<QuestionRole, Actor | null> = {
    visitor: null,
    signedIn: world.actors.otherOrgMember,
    registered: world.actors.participant,
    moderator: await actorFor(moderator.id),
    rapporteur: await actorFor(rapporteur.id),
    panelist: await actorFor(panelist.id),
    staff: world.actors.staff,
    admin: world.actors.admin,
  };
  return { ...world, session: s, asker, askerActor: await actorFor(asker.id), listedOrg, actors };
}

/** A question in any state, as the commands would have left it. */
export async function insertQuestion(sessionId: string, askerId: string | null, options: { state?: SessionQuestionState; body?: string; drawnOn?: boolean } = {}) {
  return db.sessionQuestion.create({
    data: {
      sessionId,
      askerId,
      language: "es",
      body: options.body ?? "¿Cómo se protegerá a la niñez migrante no acompañada?",
      state: options.state ?? "OPEN",
      drawnOnAt: options.drawnOn ? new Date() : null,
    },
  });
}
