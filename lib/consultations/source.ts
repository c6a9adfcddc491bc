import type { Tx } from "@/lib/commands/run";

// What lib/proposals' create command reads when a draft is made from a contribution
// (`sourceContributionId`): the facts `convertRefusal` decides on. Read inside its transaction.

export async function loadSourceContribution(tx: Tx, id: string) {
  const row = await tx.consultationContribution.findUnique({
    where: { id },
    select: {
      id: true,
      consultationId: true,
      parentId: true,
      askerId: true,
      pseudonymId: true,
      hiddenAt: true,
      pseudonym: { select: { userId: true } },
      proposal: { select: { id: true } },
      consultation: { select: { status: true, opensOn: true, closesOn: true } },
    },
  });
  if (!row) return null;
  return {
    id: row.id,
    consultationId: row.consultationId,
    parentId: row.parentId,
    askerId: row.askerId,
    pseudonymId: row.pseudonymId,
    pseudonymUserId: row.pseudonym?.userId ?? null,
    converted: !!row.proposal,
    hiddenAt: row.hiddenAt,
    consultation: row.consultation,
  };
}
export type SourceContribution = NonNullable<Awaited<ReturnType<typeof loadSourceContribution>>>;
