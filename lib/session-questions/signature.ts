// Pure, shared by the server and the small client that polls: what a change to the question
// list is. New questions, a change of state, a new support, a summary mark or a question hidden
// (or shown again) by moderators all change it.

export type QuestionStamp = { id: string; state: string; supportCount: number; drawnOn: boolean; hidden?: unknown };

export function questionsSignature(questions: readonly QuestionStamp[]): string {
  return questions
    .map((q) => `${q.id}:${q.state}:${q.supportCount}:${q.drawnOn ? 1 : 0}${q.hidden ? ":h" : ""}`)
    .sort()
    .join(",");
}
