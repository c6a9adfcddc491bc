import type { Tx } from "@/lib/commands/run";
import { lockRow } from "@/lib/db/locks";
import { notFound } from "@/lib/errors";
import { firstTitle } from "./shared";

/** An assessment, locked, with what the public log names it by. */
export async function loadAssessment(tx: Tx, assessmentId: string) {
  if (!(await lockRow(tx, "Assessment", assessmentId))) throw notFound();
  const a = await tx.assessment.findUniqueOrThrow({
    where: { id: assessmentId },
    select: {
      id: true,
      hiddenAt: true,
      commitment: { select: { id: true, kind: true, texts: { select: { language: true, title: true } } } },
      organization: { select: { name: true, slug: true } },
    },
  });
  return {
    id: a.id,
    hiddenAt: a.hiddenAt,
    audit: { commitmentId: a.commitment.id, commitmentKind: a.commitment.kind, commitmentTitle: firstTitle(a.commitment.texts), organizationName: a.organization.name, organizationSlug: a.organization.slug },
  };
}
