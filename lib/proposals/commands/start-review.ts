import { proposalRefSchema } from "../schemas";
import { transitionCommand } from "./transition";

/** A committee member or staff, without a conflict of interest, takes a submitted proposal under review. */
export const startProposalReview = transitionCommand("proposals.startReview", proposalRefSchema, () => "startReview");
