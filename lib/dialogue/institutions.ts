import type { Tx } from "@/lib/commands/run";
import type { InstitutionKindName } from "./schemas";

/** An institution's address: "iom", "eclac", or "state-<country>" ("state-mx"). */
export const institutionSlug = (kind: InstitutionKindName, country: string | null | undefined): string =>
  kind === "STATE" ? `state-${(country ?? "").toLowerCase()}` : kind.toLowerCase();

/** The institution row, made the first time a delegate is named for it (a State's, once per country). */
export async function ensureInstitution(tx: Tx, kind: InstitutionKindName, country: string | null | undefined) {
  const slug = institutionSlug(kind, country);
  return tx.dialogueInstitution.upsert({
    where: { slug },
    create: { slug, kind, country: kind === "STATE" ? (country ?? null) : null },
    update: {},
    select: { id: true, slug: true, kind: true, country: true },
  });
}
