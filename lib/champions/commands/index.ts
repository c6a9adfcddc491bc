// Every change to champion States, commitments, assessments, suggestions and follows; each runs
// through the one path (lib/commands/run.ts).
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
export { followSubject } from "./follow-subject";
export { unfollowSubject } from "./unfollow-subject";
