import type { Tx } from "@/lib/commands/run";
import { lockRow } from "@/lib/db/locks";
import { notFound } from "@/lib/errors";

/** A suggestion, locked (two staff deciding at once: one after the other), with its organization's name. */
export async function loadSuggestion(tx: Tx, suggestionId: string) {
  if (!(await lockRow(tx, "InitiativeSuggestion", suggestionId))) throw notFound();
  return tx.initiativeSuggestion.findUniqueOrThrow({ where: { id: suggestionId }, include: { organization: { select: { name: true, slug: true } } } });
}

export type SuggestionRow = Awaited<ReturnType<typeof loadSuggestion>>;

export const suggestionAudit = (s: SuggestionRow) => ({
  organizationName: s.organization.name,
  organizationSlug: s.organization.slug,
  country: s.country,
  title: s.title,
});
