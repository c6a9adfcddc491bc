import { proposalRefSchema } from "../schemas";
import { transitionCommand } from "./transition";

/** A member of the authoring organization submits a draft; the organization must be verified. */
export const submitProposal = transitionCommand("proposals.submit", proposalRefSchema, () => "submit");
