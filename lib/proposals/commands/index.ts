// Every change to proposals and their discussion; each runs through the one path (lib/commands/run.ts).
export { createProposal } from "./create";
export { updateProposal } from "./update";
export { submitProposal } from "./submit";
export { withdrawProposal } from "./withdraw";
export { startProposalReview } from "./start-review";
export { answerProposal, acceptProposal, notRetainProposal } from "./answer";
export { incorporateProposal } from "./incorporate";
export { cosponsorProposal } from "./cosponsor";
export { withdrawCosponsorship } from "./withdraw-cosponsorship";
export { addComment } from "./add-comment";
