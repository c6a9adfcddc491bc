import type { ProposalAction } from "../policy";
import { answerFrom, answerProposalSchema, answerWithoutDecisionSchema, type AnswerDecision } from "../schemas";
import { transitionCommand } from "./transition";

const ACTION: Record<AnswerDecision, ProposalAction> = { accept: "accept", notRetain: "notRetain" };

/**
 * The decision on a proposal under review, with its public answer: required in the proposal's
 * language, optional in the others. The form has two submit buttons, name="decision".
 */
export const answerProposal = transitionCommand(
  "proposals.answer",
  answerProposalSchema,
  (input) => ACTION[input.decision],
  (input) => ({ answer: answerFrom(input) }),
);

/** The same decision with the answer only, when the caller already knows it is an acceptance. */
export const acceptProposal = transitionCommand("proposals.accept", answerWithoutDecisionSchema, () => "accept", (input) => ({
  answer: answerFrom(input),
}));

/** The same decision with the answer only, when the caller already knows it is not retained. */
export const notRetainProposal = transitionCommand("proposals.notRetain", answerWithoutDecisionSchema, () => "notRetain", (input) => ({
  answer: answerFrom(input),
}));
