// Every change to the permanent dialogue (questions, supports, answers, delegate profiles,
// disclosures of pseudonyms); each runs through the one path (lib/commands/run.ts).
export { askQuestion } from "./ask-question";
export { supportQuestion } from "./support-question";
export { withdrawQuestionSupport } from "./withdraw-support";
export { answerQuestion } from "./answer-question";
export { editDelegateProfile } from "./edit-delegate-profile";
export { requestDisclosure } from "./request-disclosure";
