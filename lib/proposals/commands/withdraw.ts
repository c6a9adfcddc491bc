import { proposalRefSchema } from "../schemas";
import { transitionCommand } from "./transition";

/** A member of the authoring organization withdraws it, before a decision. */
export const withdrawProposal = transitionCommand("proposals.withdraw", proposalRefSchema, () => "withdraw");
