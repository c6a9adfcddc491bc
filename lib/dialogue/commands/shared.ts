/** A question as its audit events name it: title and institution, never its author. */
export const questionRef = (q: { id: string; title: string; institution: { kind: "IOM" | "ECLAC" | "STATE"; country: string | null } }) => ({
  questionId: q.id,
  title: q.title,
  institutionKind: q.institution.kind,
  country: q.institution.country,
});
