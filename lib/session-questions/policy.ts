import { isStaff, type Actor } from "@/lib/auth/actor";
import { refuse, type Refusal } from "@/lib/errors";
import type { SessionQuestionState, SessionStatus, SpeakerRole } from "@/lib/generated/prisma/enums";
import type { QuestionAction } from "./schemas";

// Who may do what with the questions of a review session: plain functions, deny by default.
// The commands refuse with them; the session page shows a form only when they say null.

/** Questions open this long before the session starts (people join early)… */
export const LIVE_LEAD_MS = 15 * 60_000;
/** …and stay open this long after it ends (the last words, a late stream). */
export const LIVE_TAIL_MS = 30 * 60_000;

/**
 * Statuses in which a session can be live. SessionStatus has no "cancelled": a session whose
 * slate was never confirmed (draft, still open for nominations) has no panel to ask, and once
 * the summary is published the session is a record. HELD counts: staff may mark it held while
 * the last questions come in.
 */
export const LIVE_STATUSES: readonly SessionStatus[] = ["SPEAKERS_CONFIRMED", "HELD"];

/** Statuses in which confirmed speakers exist (the slate was confirmed). */
const CONFIRMED_STATUSES: readonly SessionStatus[] = ["SPEAKERS_CONFIRMED", "HELD", "REPORT_PUBLISHED"];

export type LiveWindowSession = { status: SessionStatus; startsAt: Date; endsAt: Date };

/** When questions open and close for a session. */
export const liveWindow = (session: { startsAt: Date; endsAt: Date }) => ({
  opensAt: new Date(session.startsAt.getTime() - LIVE_LEAD_MS),
  closesAt: new Date(session.endsAt.getTime() + LIVE_TAIL_MS),
});

/** The one definition of "live": a confirmed session, from a little before it starts to a little after it ends (both ends included). */
export function isSessionLive(session: LiveWindowSession, now: Date): boolean {
  if (!LIVE_STATUSES.includes(session.status)) return false;
  const { opensAt, closesAt } = liveWindow(session);
  return now.getTime() >= opensAt.getTime() && now.getTime() <= closesAt.getTime();
}

export const liveRefusal = (session: LiveWindowSession, now: Date): Refusal | null =>
  isSessionLive(session, now) ? null : refuse.conflict("sessionQuestions.notLive");

/**
 * What the actor is in one session, read from the database (standing.ts): registered (and
 * whether they chose to be listed), and the roles they were confirmed in.
 */
export type Standing = { registered: boolean; listed: boolean; speakerRoles: readonly SpeakerRole[] };

export const NO_STANDING: Standing = { registered: false, listed: false, speakerRoles: [] };

/** Confirmed speakers are SELECTED nominations of a session whose slate was confirmed. */
export const isConfirmedSlate = (status: SessionStatus) => CONFIRMED_STATUSES.includes(status);

/** Any signed-in person may try; the session decides the rest. */
export const mayTakePart = (actor: Actor | null): actor is Actor => !!actor;

/** Registered participants and confirmed speakers ask the panel and support questions. */
const isParticipant = (standing: Standing) => standing.registered || standing.speakerRoles.length > 0;

/** Posting a question: a participant, while the session is live. */
export function askRefusal(standing: Standing, session: LiveWindowSession, now: Date): Refusal | null {
  if (!isParticipant(standing)) return refuse.forbidden("sessionQuestions.registerFirst");
  return liveRefusal(session, now);
}

/**
 * Supporting: a participant, while live, someone else's question still waiting or taken up.
 * `authorId` is the person who asked, also when they asked under a pseudonym (read privately).
 */
export function supportRefusal(
  actor: Actor,
  standing: Standing,
  session: LiveWindowSession,
  question: { authorId: string | null; state: SessionQuestionState },
  now: Date,
): Refusal | null {
  const asking = askRefusal(standing, session, now);
  if (asking) return asking;
  if (question.authorId === actor.userId) return refuse.conflict("sessionQuestions.ownQuestion");
  if (question.state !== "OPEN" && question.state !== "TAKEN_UP") return refuse.conflict("sessionQuestions.closedQuestion");
  return null;
}

/** Taking back a support: one the actor gave, in the window supporting has (live, question still before the panel). */
export function withdrawSupportRefusal(standing: Standing, session: LiveWindowSession, question: { state: SessionQuestionState }, supported: boolean, now: Date): Refusal | null {
  const asking = askRefusal(standing, session, now);
  if (asking) return asking;
  if (question.state !== "OPEN" && question.state !== "TAKEN_UP") return refuse.conflict("sessionQuestions.closedQuestion");
  return supported ? null : refuse.conflict("sessionQuestions.notSupported");
}

/**
 * The moderator (a confirmed MODERATOR) or staff mark questions, from the moment questions open
 * until the summary is published (the last answers are often marked just after the end).
 */
export function moderateRefusal(actor: Actor | null, standing: Standing, session: LiveWindowSession, now: Date): Refusal | null {
  if (!isStaff(actor) && !standing.speakerRoles.includes("MODERATOR")) return refuse.forbidden("sessionQuestions.notModerator");
  if (!LIVE_STATUSES.includes(session.status) || now.getTime() < liveWindow(session).opensAt.getTime()) {
    return refuse.conflict("sessionQuestions.notModeratable");
  }
  return null;
}

export const canModerate = (actor: Actor | null, standing: Standing, session: LiveWindowSession, now: Date) =>
  moderateRefusal(actor, standing, session, now) === null;

/** Where each action may start from, and where it leads. */
export const QUESTION_TRANSITIONS: Record<QuestionAction, { from: readonly SessionQuestionState[]; to: SessionQuestionState }> = {
  takeUp: { from: ["OPEN"], to: "TAKEN_UP" },
  answer: { from: ["OPEN", "TAKEN_UP"], to: "ANSWERED" },
  setAside: { from: ["OPEN", "TAKEN_UP"], to: "SET_ASIDE" },
  // A mark made by mistake is undone.
  reopen: { from: ["TAKEN_UP", "ANSWERED", "SET_ASIDE"], to: "OPEN" },
};

export function nextQuestionState(state: SessionQuestionState, action: QuestionAction): SessionQuestionState | null {
  const rule = QUESTION_TRANSITIONS[action];
  return rule.from.includes(state) ? rule.to : null;
}

export const questionTransitionRefusal = (state: SessionQuestionState, action: QuestionAction): Refusal | null =>
  nextQuestionState(state, action) ? null : refuse.conflict("sessionQuestions.wrongState");

/** The actions a question in `state` offers the moderator. */
export const actionsFrom = (state: SessionQuestionState): QuestionAction[] =>
  (Object.keys(QUESTION_TRANSITIONS) as QuestionAction[]).filter((action) => nextQuestionState(state, action) !== null);

/**
 * The rapporteur (a confirmed RAPPORTEUR) or staff mark which questions the summary draws on,
 * once questions opened, and after the summary is published too (a correction may add some).
 */
export function drawOnRefusal(actor: Actor | null, standing: Standing, session: LiveWindowSession, now: Date): Refusal | null {
  if (!isStaff(actor) && !standing.speakerRoles.includes("RAPPORTEUR")) return refuse.forbidden("sessionQuestions.notRapporteur");
  if (!isConfirmedSlate(session.status) || now.getTime() < liveWindow(session).opensAt.getTime()) {
    return refuse.conflict("sessionQuestions.notModeratable");
  }
  return null;
}

export const canDrawOn = (actor: Actor | null, standing: Standing, session: LiveWindowSession, now: Date) =>
  drawOnRefusal(actor, standing, session, now) === null;

/**
 * Who the asker is shown as. Questions are public to the open web, but the opt-in participant
 * list (with names) is only for signed-in people, because someone at risk (an undocumented
 * migrant, a defender) must not be exposed to anyone who opens the page. So: never the name;
 * the organization and its country only to signed-in readers, and only when the asker chose to
 * be listed; everyone else reads "a registered participant" (or "a speaker").
 */
export const showsAskerOrganization = (reader: Actor | null, asker: { listed: boolean }) => !!reader && asker.listed;
