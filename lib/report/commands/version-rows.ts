import { randomUUID } from "node:crypto";
import type { Tx } from "@/lib/commands/run";
import { advisoryLock } from "@/lib/db/locks";
import { fieldError, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ReportVersionStatus } from "@/lib/generated/prisma/enums";
import { splitMarkdown, type AnchoredBlock } from "../paragraphs";
import { supersededBy } from "../policy";
import { REPORT_LIMITS } from "../schemas";

// What the version commands share: the lock, the row they load, and the paragraph rows they
// write. Not exported from commands/index.ts (only commands are).

export type VersionResult = { id: string; number: number; status: ReportVersionStatus };

export const versionSelect = {
  id: true,
  number: true,
  title: true,
  language: true,
  status: true,
  commentDeadline: true,
  previousId: true,
  closedAt: true,
} satisfies Prisma.ReportVersionSelect;

/**
 * The version, read after taking the lifecycle's lock: one change to the versions at a time,
 * since opening or finalizing one supersedes others (two staff members cannot open two at once).
 */
export async function loadVersion(tx: Tx, versionId: string) {
  await advisoryLock(tx, "report.versions");
  const version = await tx.reportVersion.findUnique({ where: { id: versionId }, select: versionSelect });
  if (!version) throw notFound();
  return version;
}

/** The blocks of a body, refusing a text with no block or too many. */
export function blocksOf(body: string) {
  const blocks = splitMarkdown(body);
  if (blocks.length === 0) throw fieldError("body", "report.emptyBody");
  if (blocks.length > REPORT_LIMITS.paragraphs) throw fieldError("body", "report.tooManyParagraphs", { max: REPORT_LIMITS.paragraphs });
  return blocks;
}

export const paragraphRows = (versionId: string, anchored: AnchoredBlock[]) =>
  anchored.map((p) => ({
    id: randomUUID(),
    versionId,
    anchor: p.anchor,
    position: p.position,
    markdown: p.markdown,
    text: p.text,
    headingLevel: p.headingLevel,
  }));

/** Copies the proposal links of `from` paragraphs to the `to` paragraphs that kept their anchor. */
export async function carryLinks(tx: Tx, fromParagraphIds: string[], anchorToNewId: Map<string, string>, linkedById: string) {
  if (fromParagraphIds.length === 0 || anchorToNewId.size === 0) return;
  const links = await tx.reportParagraphProposal.findMany({
    where: { paragraphId: { in: fromParagraphIds } },
    select: { proposalId: true, linkedById: true, paragraph: { select: { anchor: true } } },
  });
  const data = links.flatMap((link) => {
    const paragraphId = anchorToNewId.get(link.paragraph.anchor);
    return paragraphId ? [{ paragraphId, proposalId: link.proposalId, linkedById: link.linkedById ?? linkedById }] : [];
  });
  if (data.length) await tx.reportParagraphProposal.createMany({ data, skipDuplicates: true });
}

/** Earlier open or closed versions give way to the one opened or made final. */
export async function supersedeEarlier(tx: Tx, number: number) {
  await tx.reportVersion.updateMany({ where: supersededBy(number), data: { status: "SUPERSEDED" } });
}
