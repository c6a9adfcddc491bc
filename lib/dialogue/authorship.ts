import { randomInt } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/commands/run";
import { fieldError } from "@/lib/errors";

// Who a post speaks as, for every kind of post that may be pseudonymous (questions and supports
// now; consultations' contributions and moderation reuse it): the person, or a pseudonym vouched
// for by one of their verified organizations. A post stores either the person's id or the
// pseudonym's id, never both; public reads select only what `PUBLIC_AUTHOR_SELECT` names.

export type Voice = { voice: "self" | "pseudonym"; organizationId?: string; showOrganization: boolean };

/** What the transaction writes on a post, and what its audit events may say. */
export type ResolvedVoice = {
  /** The person, for uniqueness (one support each) and private notifications: never on a public post. */
  userId: string;
  /** The post's author column: the person, or null under a pseudonym. */
  authorId: string | null;
  pseudonymId: string | null;
  /** The audit actor: null under a pseudonym, so no entry ties the post to the person. */
  auditActorId: string | null;
  showOrganization: boolean;
  /** True when this post made the pseudonym (its creation is recorded too, without the person). */
  created: boolean;
};

// Words that say nothing about a person, the same in every language (trees and birds of the region).
const WORDS = ["Ceiba", "Ombú", "Jacaranda", "Araucaria", "Guayacán", "Quetzal", "Cóndor", "Colibrí", "Tucán", "Caoba", "Ipê", "Flamboyán", "Mangle", "Yagrumo", "Palo Santo", "Tayuyá"];

const newPseudonymName = () => `${WORDS[randomInt(WORDS.length)]} ${randomInt(1000, 10000)}`;

/**
 * The voice of `actor` for a post. Under a pseudonym, the organization must be one of the
 * actor's verified ones, read fresh; the actor keeps one pseudonym per organization.
 */
export async function resolveVoice(tx: Tx, actor: Actor, voice: Voice): Promise<ResolvedVoice> {
  if (voice.voice === "self") return { userId: actor.userId, authorId: actor.userId, pseudonymId: null, auditActorId: actor.userId, showOrganization: false, created: false };
  const organizationId = voice.organizationId;
  const membership = organizationId
    ? await tx.membership.findFirst({ where: { userId: actor.userId, organizationId, organization: { status: "VERIFIED" } }, select: { id: true } })
    : null;
  if (!organizationId || !membership) throw fieldError("organizationId", "dialogue.notYourOrganization");
  const existing = await tx.pseudonym.findUnique({ where: { userId_organizationId: { userId: actor.userId, organizationId } }, select: { id: true } });
  let pseudonymId = existing?.id;
  let created = false;
  if (!pseudonymId) {
    // A name already taken is drawn again; ON CONFLICT keeps a race on the same person harmless.
    for (let attempt = 0; attempt < 8 && !pseudonymId; attempt++) {
      const rows = await tx.$queryRaw<{ id: string }[]>`
        INSERT INTO "Pseudonym" (id, name, "userId", "organizationId") VALUES (gen_random_uuid(), ${newPseudonymName()}, ${actor.userId}::uuid, ${organizationId}::uuid)
        ON CONFLICT DO NOTHING RETURNING id::text AS id`;
      pseudonymId = rows[0]?.id;
      created = !!pseudonymId;
    }
    pseudonymId ??= (await tx.pseudonym.findUniqueOrThrow({ where: { userId_organizationId: { userId: actor.userId, organizationId } }, select: { id: true } })).id;
  }
  return { userId: actor.userId, authorId: null, pseudonymId, auditActorId: null, showOrganization: voice.showOrganization, created };
}

/** The author fields a public read may select: a name, or a pseudonym and (if shown) its organization. Never a user id or email. */
export const PUBLIC_AUTHOR_SELECT = {
  showOrganization: true,
  asker: { select: { name: true } },
  pseudonym: { select: { name: true, organization: { select: { name: true, slug: true } } } },
} as const;

export type PublicAuthor =
  | { kind: "person"; name: string }
  | { kind: "pseudonym"; pseudonym: string; organization: { name: string; slug: string } | null }
  | { kind: "gone" };

/** The author as a page shows it; the organization only when the member chose to name it. */
export function presentAuthor(row: {
  showOrganization: boolean;
  asker: { name: string } | null;
  pseudonym: { name: string; organization: { name: string; slug: string } } | null;
}): PublicAuthor {
  if (row.pseudonym) return { kind: "pseudonym", pseudonym: row.pseudonym.name, organization: row.showOrganization ? row.pseudonym.organization : null };
  if (row.asker) return { kind: "person", name: row.asker.name };
  return { kind: "gone" };
}
