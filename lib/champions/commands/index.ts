// Every change to champion States, commitments, assessments and suggestions; each runs through
// the one path (lib/commands/run.ts). Following a country or a commitment is lib/follows'.
export { addChampionTerm } from "./add-champion-term";
export { endChampionTerm } from "./end-champion-term";
export { createInitiative } from "./create-initiative";
export { editCommitment } from "./edit-commitment";
export { postCommitmentUpdate } from "./post-commitment-update";
export { markRecommendation } from "./mark-recommendation";
export { assessCommitment } from "./assess-commitment";
export { hideAssessment } from "./hide-assessment";
export { unhideAssessment } from "./unhide-assessment";
export { suggestInitiative } from "./suggest-initiative";
export { acceptSuggestion } from "./accept-suggestion";
export { declineSuggestion } from "./decline-suggestion";
