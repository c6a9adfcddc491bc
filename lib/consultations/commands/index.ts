// Every change to consultations; each runs through the one path (lib/commands/run.ts). A
// contribution becomes a proposal through lib/proposals' create command (sourceContributionId).
export { createConsultation } from "./create-consultation";
export { updateConsultation } from "./update-consultation";
export { openConsultation } from "./open-consultation";
export { closeConsultation } from "./close-consultation";
export { contribute } from "./contribute";
export { supportContribution } from "./support-contribution";
export { withdrawContributionSupport } from "./withdraw-support";
export { postConsultationUpdate } from "./post-update";
export { publishSynthesis } from "./publish-synthesis";
