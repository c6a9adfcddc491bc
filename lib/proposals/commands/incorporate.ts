import { incorporateProposalSchema } from "../schemas";
import { transitionCommand } from "./transition";

/** An accepted proposal was taken up in the review: where, in a note (until report sections can be linked). */
export const incorporateProposal = transitionCommand(
  "proposals.incorporate",
  incorporateProposalSchema,
  () => "incorporate",
  (input) => ({ incorporatedNote: input.incorporatedNote }),
);
