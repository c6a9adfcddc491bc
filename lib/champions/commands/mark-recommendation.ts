import { defineCommand, requires } from "@/lib/commands/run";
import { conflict, refuse } from "@/lib/errors";
import { isUniqueViolation } from "@/lib/db/errors";
import { canManageChampions, recommendationVersionRefusal } from "../policy";
import { CHAMPION_LIMITS, markRecommendationSchema, type CommitmentTexts } from "../schemas";
import { commitmentAudit, firstTitle, insertCommitment } from "./shared";

/**
 * Staff mark a paragraph of the FINAL report as a recommendation to follow up: it becomes a
 * commitment of kind RECOMMENDATION, addressed to States, IOM, ECLAC or all, with status, dated
 * updates, sources and assessments like an initiative.
 *
 * Input: { versionId, anchor: "p-…", addressee: STATES|IOM|ECLAC|ALL, objectives?, status?,
 *          texts?: { es?: { title, description }, … } (default: the paragraph, in the version's language) }
 * Result: { id, revision }
 */
export const markRecommendation = defineCommand({
  name: "champions.markRecommendation",
  input: markRecommendationSchema,
  actor: "required",
  allow: requires(canManageChampions),
  async load({ tx, input }) {
    const version = await tx.reportVersion.findUnique({
      where: { id: input.versionId },
      select: { id: true, number: true, status: true, language: true, paragraphs: { where: { anchor: input.anchor }, select: { text: true, headingLevel: true } } },
    });
    const existing = await tx.commitment.findFirst({ where: { reportVersionId: input.versionId, paragraphAnchor: input.anchor }, select: { id: true } });
    return { version, paragraph: version?.paragraphs[0] ?? null, existing };
  },
  authorize: ({ loaded }) => {
    const refusal = recommendationVersionRefusal(loaded.version);
    if (refusal) return refusal;
    if (!loaded.paragraph) return refuse.field("anchor", "champions.paragraphNotFound");
    if (loaded.paragraph.headingLevel !== null) return refuse.field("anchor", "champions.notAParagraph");
    return loaded.existing ? refuse.conflict("champions.alreadyMarked") : null;
  },
  async work({ tx, input, actor, now, loaded, record }) {
    const version = loaded.version!;
    const paragraph = loaded.paragraph!;
    const texts: CommitmentTexts = input.texts ?? { [version.language]: { title: recommendationTitle(paragraph.text), description: paragraph.text.slice(0, CHAMPION_LIMITS.description) } };
    const c = await insertCommitment(
      tx,
      { kind: "RECOMMENDATION", addressee: input.addressee, reportVersionId: version.id, paragraphAnchor: input.anchor, objectives: input.objectives, status: input.status },
      { texts, milestones: [], sources: [] },
      "recommendation_marked",
      actor.userId,
      now,
    );
    record({
      action: "commitment.recommendation_marked",
      entityType: "Commitment",
      entityId: c.id,
      isPublic: true,
      data: { ...commitmentAudit(c, firstTitle(c.texts)), versionNumber: version.number, anchor: input.anchor, addressee: input.addressee },
    });
    return { id: c.id, revision: c.revision };
  },
  // Two staff marking the same paragraph at once: the unique index lets one through.
  recover: (error): { id: string; revision: number } | undefined => {
    if (isUniqueViolation(error)) throw conflict("champions.alreadyMarked");
    return undefined;
  },
  invalidates: ["champions", "report", "transparency"],
});

/** A title from the paragraph: its first sentence, cut at a word to fit the column. */
export function recommendationTitle(text: string): string {
  const sentence = /^(.+?[.!?])(\s|$)/.exec(text)?.[1] ?? text;
  if (sentence.length <= CHAMPION_LIMITS.title) return sentence;
  const cut = sentence.slice(0, CHAMPION_LIMITS.title - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), 1))}…`;
}
