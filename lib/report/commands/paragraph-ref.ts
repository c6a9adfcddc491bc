import type { Tx } from "@/lib/commands/run";
import { notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

export type LinkResult = { versionId: string; versionNumber: number; anchor: string; proposalId: string; incorporated: boolean };

/** The paragraph a link form names, by anchor or id, within the version named: another version's is not found. */
export async function findParagraph(tx: Tx, ref: { versionId: string; anchor?: string; paragraphId?: string }) {
  const where: Prisma.ReportParagraphWhereInput = { versionId: ref.versionId };
  if (ref.paragraphId) where.id = ref.paragraphId;
  if (ref.anchor) where.anchor = ref.anchor;
  const paragraph = await tx.reportParagraph.findFirst({
    where,
    select: { id: true, anchor: true, version: { select: { id: true, number: true, status: true } } },
  });
  if (!paragraph) throw notFound();
  return paragraph;
}
