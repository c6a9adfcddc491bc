import type { Actor } from "@/lib/auth/actor";
import { refuse, type Refusal } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { QuestionStatus } from "./schemas";

// Who may do what in the permanent dialogue, and the one rule for a question's status: plain
// functions of (actor, rows), deny by default. Commands refuse with these; pages show or hide
// buttons with the same functions.

const DAY_MS = 86_400_000;

/** Days a delegate has to answer (DIALOGUE_ANSWER_DAYS, 30 by default). */
export function answerDays(): number {
  const raw = Number(process.env.DIALOGUE_ANSWER_DAYS);
  return Number.isInteger(raw) && raw >= 1 && raw <= 365 ? raw : 30;
}

export const answerDeadline = (askedAt: Date, days = answerDays()): Date => new Date(askedAt.getTime() + days * DAY_MS);

/**
 * A question's status: answered once it has an answer (its own, or the one it was merged into),
 * overdue when the deadline passed without one, else awaiting. `statusWhere` is the same rule as
 * a filter for the queries.
 */
export function questionStatus(q: { answeredAt: Date | null; deadlineAt: Date }, now: Date): QuestionStatus {
  if (q.answeredAt) return "answered";
  return q.deadlineAt.getTime() <= now.getTime() ? "overdue" : "awaiting";
}

export function statusWhere(status: QuestionStatus, now: Date): Prisma.DialogueQuestionWhereInput {
  if (status === "answered") return { answeredAt: { not: null } };
  if (status === "overdue") return { answeredAt: null, deadlineAt: { lte: now } };
  return { answeredAt: null, deadlineAt: { gt: now } };
}

/** The same rule in SQL, for counts and lists computed by PostgreSQL (`q` is the question's alias). */
export const statusSql = (now: Date): Prisma.Sql =>
  Prisma.sql`(CASE WHEN q."answeredAt" IS NOT NULL THEN 'answered' WHEN q."deadlineAt" <= ${now} THEN 'overdue' ELSE 'awaiting' END)`;

/** Any signed-in person asks and supports (least barrier: people in the diaspora need no organization). */
/** Questions whose words everyone reads: not hidden by moderators (a hidden one shows only its reason). */
export const publicQuestionWhere = { hiddenAt: null } satisfies Prisma.DialogueQuestionWhereInput;
/** The same rule in SQL, for lists and counts computed by PostgreSQL (`q` is the question's alias). */
export const publicQuestionSql = Prisma.sql`q."hiddenAt" IS NULL`;
/** An answer everyone reads: of a public question, given (a question merged into another points to that one's answer). */
export const publicAnswerWhere = { ...publicQuestionWhere, answeredAt: { not: null }, answerBody: { not: null } } satisfies Prisma.DialogueQuestionWhereInput;

export const canAsk = (actor: Actor | null): actor is Actor => !!actor;
export const canSupport = canAsk;

/**
 * Taking back a support: only one the actor gave, and never the asker's own (asking is their
 * support, whether as themselves or under their pseudonym).
 */
export function withdrawSupportRefusal(actor: Actor, support: { askerId: string | null; pseudonymUserId: string | null } | null): Refusal | null {
  if (!support) return refuse.conflict("dialogue.notSupported");
  if (support.askerId === actor.userId || support.pseudonymUserId === actor.userId) return refuse.conflict("dialogue.ownQuestionSupport");
  return null;
}

/** Only members of verified organizations speak under a pseudonym: the organization vouches for them. */
export const verifiedOrganizations = (actor: Actor | null) => actor?.memberships.filter((m) => m.organizationStatus === "VERIFIED") ?? [];
export const canUsePseudonym = (actor: Actor | null): boolean => verifiedOrganizations(actor).length > 0;

/** The voice asked for, against the actor (the organization is checked again in the database). */
export function voiceRefusal(actor: Actor | null, voice: { voice: "self" | "pseudonym"; organizationId?: string }): Refusal | null {
  if (!actor) return refuse.notSignedIn();
  if (voice.voice === "self") return null;
  return verifiedOrganizations(actor).some((m) => m.organizationId === voice.organizationId) ? null : refuse.field("organizationId", "dialogue.notYourOrganization");
}

/** Delegates answer; the role is read fresh with the actor. */
export const isDelegate = (actor: Actor | null): actor is Actor => !!actor?.isDelegate;

/**
 * Who answers a question: the delegate it is addressed to, or any delegate of the institution it
 * is addressed to (when addressed to the institution, or to a delegate who is no longer one).
 */
export function answerRefusal(
  actor: Actor | null,
  profile: { institutionId: string } | null,
  question: { institutionId: string; delegateId: string | null; delegateActive: boolean; answeredAt: Date | null; mergedIntoId: string | null },
): Refusal | null {
  if (!actor) return refuse.notSignedIn();
  if (!isDelegate(actor) || !profile) return refuse.forbidden("dialogue.notDelegate");
  if (question.mergedIntoId) return refuse.conflict("dialogue.merged");
  if (question.answeredAt) return refuse.conflict("dialogue.alreadyAnswered");
  if (question.delegateId && question.delegateActive) return question.delegateId === actor.userId ? null : refuse.forbidden("dialogue.notAddressee");
  return question.institutionId === profile.institutionId ? null : refuse.forbidden("dialogue.notAddressee");
}

/** A question merged into another: unanswered, not merged itself, not the main one, and for the same institution. */
export function mergeRefusal(main: { id: string; institutionId: string }, other: { id: string; institutionId: string; answeredAt: Date | null; mergedIntoId: string | null } | undefined): Refusal | null {
  if (!other) return refuse.field("mergeIds", "dialogue.mergeNotFound");
  if (other.id === main.id) return refuse.field("mergeIds", "dialogue.mergeSelf");
  if (other.institutionId !== main.institutionId) return refuse.field("mergeIds", "dialogue.mergeOtherInstitution");
  if (other.answeredAt || other.mergedIntoId) return refuse.field("mergeIds", "dialogue.mergeAlreadyAnswered");
  return null;
}

/** A delegate edits their own profile. */
export const canEditDelegateProfile = isDelegate;

/** Admins of a verified organization see who is behind the pseudonyms it vouches for. */
export const organizationsWhoseLinksActorSees = (actor: Actor | null) =>
  actor?.memberships.filter((m) => m.role === "ADMIN" && m.organizationStatus === "VERIFIED").map((m) => m.organizationId) ?? [];

/** Site admins, only through a recorded request with a reason (the public log counts them). */
export const canRequestDisclosure = (actor: Actor | null): actor is Actor => !!actor?.isAdmin;
