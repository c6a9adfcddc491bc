// Every change to the questions of a review session; each runs through the one path
// (lib/commands/run.ts).
export { askSessionQuestion } from "./ask-question";
export { supportSessionQuestion } from "./support-question";
export { withdrawSessionQuestionSupport } from "./withdraw-support";
export { moveQuestion } from "./move-question";
export { drawOnQuestion } from "./draw-on-question";
