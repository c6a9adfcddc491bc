import { defineCommand, requires } from "@/lib/commands/run";
import { conflict } from "@/lib/errors";
import { assignAnchors } from "../paragraphs";
import { canManageReport, versionChangeRefusal } from "../policy";
import { updateDraftSchema } from "../schemas";
import { blocksOf, carryLinks, loadVersion, paragraphRows, type VersionResult } from "./version-rows";

const paragraphKeys = { id: true, anchor: true, text: true, headingLevel: true } as const;

/**
 * Staff edit a DRAFT's title, language and text. Paragraphs keep their anchors (and the
 * committee's comments on them) when they match the draft's current paragraphs, else the
 * previous version's (the same rule); comments on a paragraph removed from the draft go with it.
 */
export const updateDraft = defineCommand({
  name: "report.updateDraft",
  input: updateDraftSchema,
  actor: "required",
  allow: requires(canManageReport),
  load: ({ tx, input }) => loadVersion(tx, input.versionId),
  authorize: ({ loaded, now }) => versionChangeRefusal(loaded, "edit", now),
  async work({ tx, input, actor, loaded: current, record }): Promise<VersionResult> {
    const blocks = blocksOf(input.body);
    const existing = await tx.reportParagraph.findMany({ where: { versionId: current.id }, orderBy: { position: "asc" }, select: paragraphKeys });
    const previous = current.previousId
      ? await tx.reportParagraph.findMany({ where: { versionId: current.previousId }, orderBy: { position: "asc" }, select: paragraphKeys })
      : [];
    const own = new Set(existing.map((p) => p.anchor));
    const fromPrevious = previous.filter((p) => !own.has(p.anchor));
    const anchored = assignAnchors([...existing, ...fromPrevious], blocks);

    const byAnchor = new Map(existing.map((p) => [p.anchor, p.id]));
    const kept = anchored.filter((p) => byAnchor.has(p.anchor));
    const added = anchored.filter((p) => !byAnchor.has(p.anchor));
    const keptAnchors = new Set(kept.map((p) => p.anchor));
    const removed = existing.filter((p) => !keptAnchors.has(p.anchor)).map((p) => p.id);

    if (removed.length) await tx.reportParagraph.deleteMany({ where: { id: { in: removed }, versionId: current.id } });
    // Positions are unique per version: move the kept ones out of the way, then set them.
    await tx.$executeRaw`UPDATE "ReportParagraph" SET position = -position - 1 WHERE "versionId" = ${current.id}::uuid`;
    if (kept.length) {
      await tx.$executeRaw`
        UPDATE "ReportParagraph" AS p
        SET position = v.position, markdown = v.markdown, text = v.text, "headingLevel" = v.heading
        FROM unnest(${kept.map((p) => byAnchor.get(p.anchor)!)}::uuid[], ${kept.map((p) => p.position)}::int[],
                    ${kept.map((p) => p.markdown)}::text[], ${kept.map((p) => p.text)}::text[],
                    ${kept.map((p) => p.headingLevel)}::int[]) AS v(id, position, markdown, text, heading)
        WHERE p.id = v.id AND p."versionId" = ${current.id}::uuid`;
    }
    const rows = paragraphRows(current.id, added);
    if (rows.length) await tx.reportParagraph.createMany({ data: rows });
    // A paragraph of the previous version back in the draft brings its proposal links back.
    const previousIds = new Set(fromPrevious.map((p) => p.anchor));
    const returning = rows.filter((r) => previousIds.has(r.anchor));
    if (returning.length) {
      await carryLinks(tx, fromPrevious.map((p) => p.id), new Map(returning.map((r) => [r.anchor, r.id])), actor.userId);
    }
    const { count } = await tx.reportVersion.updateMany({
      where: { id: current.id, status: "DRAFT" },
      data: { title: input.title, language: input.language, body: input.body, internalNote: input.internalNote ?? null },
    });
    if (count !== 1) throw conflict();
    record({
      action: "report.version_updated",
      entityType: "ReportVersion",
      entityId: current.id,
      isPublic: false,
      data: { versionNumber: current.number, title: input.title },
    });
    return { id: current.id, number: current.number, status: current.status };
  },
  invalidates: ["report", "dashboard"],
});
