// Every change to the questions of a review session; each runs through the one path
// (lib/commands/run.ts).
export { askQuestion } from "./ask-question";
export { supportQuestion } from "./support-question";
export { moveQuestion } from "./move-question";
export { drawOnQuestion } from "./draw-on-question";
