import { isCommitteeMember, isStaff, isVerifiedMember, type Actor } from "@/lib/auth/actor";
import { refuse, type Refusal } from "@/lib/errors";
import type { EvaluationStatus, SessionStatus } from "@/lib/generated/prisma/enums";
import { closesAtInstant, MIN_RESPONDENTS, opensAtInstant } from "./schemas";

// Who may do what with evaluations of the process: plain functions of (actor, rows), deny by
// default. The command refuses with the refusal; the page shows the form only when it is null.

/** Staff (admins are staff) and committee members with an active term run evaluations. */
export const canManageEvaluations = (actor: Actor | null): actor is Actor => isStaff(actor) || isCommitteeMember(actor);

/** Open answers are read by the same people, never by the public. */
export const canReadOpenAnswers = canManageEvaluations;

/** A draft is for the people who write it; everything else is public. */
export const canSeeEvaluation = (actor: Actor | null, evaluation: { status: EvaluationStatus }) =>
  evaluation.status !== "DRAFT" || canManageEvaluations(actor);

/** Where an evaluation stands for a reader at `now`: the status, and for an open one the days it takes answers. */
export type EvaluationPhase = "draft" | "upcoming" | "open" | "closed";

type Dated = { status: EvaluationStatus; opensOn: Date; closesOn: Date };

/** An open evaluation whose closing day has passed reads as closed (results public) even before staff close it. */
export function evaluationPhase(evaluation: Dated, now: Date): EvaluationPhase {
  if (evaluation.status === "DRAFT") return "draft";
  if (evaluation.status === "CLOSED") return "closed";
  if (now < opensAtInstant(evaluation.opensOn)) return "upcoming";
  if (now >= closesAtInstant(evaluation.closesOn)) return "closed";
  return "open";
}

/** The aggregate results are public once the evaluation is closed, never before. */
export const resultsArePublic = (evaluation: Dated, now: Date) => evaluationPhase(evaluation, now) === "closed";

/** Figures are shown only from MIN_RESPONDENTS answers up. */
export const showsFigures = (count: number) => count >= MIN_RESPONDENTS;

export const EVALUATION_ACTIONS = ["edit", "open", "close"] as const;
export type EvaluationAction = (typeof EVALUATION_ACTIONS)[number];

/** Evaluations a session may have: once it has been held. */
export const EVALUABLE_SESSION_STATUSES: readonly SessionStatus[] = ["HELD", "REPORT_PUBLISHED"];

export const sessionEvaluableRefusal = (session: { status: SessionStatus } | null): Refusal | null =>
  session && EVALUABLE_SESSION_STATUSES.includes(session.status) ? null : refuse.field("sessionId", "evaluations.sessionNotHeld");

/**
 * The lifecycle: draft → open → closed, no way back. Texts and questions change only in a draft
 * (an answer must mean what the question said when it was given). Opening needs a question and a
 * closing day still ahead.
 */
export function evaluationActionRefusal(
  evaluation: Dated & { questionCount: number },
  action: EvaluationAction,
  now: Date,
): Refusal | null {
  switch (action) {
    case "edit":
      return evaluation.status === "DRAFT" ? null : refuse.conflict("evaluations.notDraft");
    case "open":
      if (evaluation.status !== "DRAFT") return refuse.conflict("evaluations.notDraft");
      if (evaluation.questionCount === 0) return refuse.conflict("evaluations.noQuestions");
      return now < closesAtInstant(evaluation.closesOn) ? null : refuse.conflict("evaluations.closingDayPassed");
    case "close":
      return evaluation.status === "OPEN" ? null : refuse.conflict("evaluations.notOpen");
  }
}

export const canTakeAction = (evaluation: Parameters<typeof evaluationActionRefusal>[0], action: EvaluationAction, now: Date) =>
  evaluationActionRefusal(evaluation, action, now) === null;

/** What the answer rule needs to know about the actor and this evaluation, read from the database. */
export type AnswerFacts = { registered: boolean; confirmedSpeaker: boolean; answered: boolean };

/**
 * Who answers, the one rule for the page and the command:
 * - a session's evaluation: the people who took part in it, its registered participants and its
 *   confirmed speakers (they saw it; anyone else would be guessing);
 * - the review's: members of a verified organization and committee members. Verified membership
 *   is how the portal already decides who takes part (proposals, comments, assessments), so an
 *   account made for the occasion cannot weigh in; the committee steered the process with them.
 * Staff (and admins) never answer: they ran what is being evaluated.
 */
export function answerRefusal(actor: Actor | null, evaluation: Dated & { sessionId: string | null }, facts: AnswerFacts, now: Date): Refusal | null {
  if (!actor) return refuse.notSignedIn();
  if (isStaff(actor)) return refuse.forbidden("evaluations.staffDoNotAnswer");
  if (evaluationPhase(evaluation, now) !== "open") return refuse.conflict("evaluations.notTakingAnswers");
  if (evaluation.sessionId) {
    if (!facts.registered && !facts.confirmedSpeaker) return refuse.forbidden("evaluations.notInSession");
  } else if (!isVerifiedMember(actor) && !isCommitteeMember(actor)) {
    return refuse.forbidden("evaluations.notAParticipant");
  }
  return facts.answered ? refuse.conflict("evaluations.alreadyAnswered") : null;
}
