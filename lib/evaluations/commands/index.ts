// Every change to evaluations of the process; each runs through the one path (lib/commands/run.ts).
export { createEvaluation } from "./create-evaluation";
export { updateEvaluation } from "./update-evaluation";
export { addQuestion, updateQuestion, removeQuestion } from "./questions";
export { openEvaluation } from "./open-evaluation";
export { closeEvaluation } from "./close-evaluation";
export { answerEvaluation } from "./answer-evaluation";
