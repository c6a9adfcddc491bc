import { defineCommand, requires } from "@/lib/commands/run";
import { notFound } from "@/lib/errors";
import { canRequestDisclosure } from "../policy";
import { requestDisclosureSchema } from "../schemas";

/**
 * A site admin looks behind a pseudonym, with a reason that is kept. The public log counts the
 * request and says nothing of whom it was about; the admin reads the answer on their own page of
 * requests (lib/dialogue/pseudonym-queries.ts), never anywhere else.
 *
 * Input: { pseudonymId, reason }   Result: { id }
 */
export const requestDisclosure = defineCommand({
  name: "dialogue.requestDisclosure",
  input: requestDisclosureSchema,
  actor: "required",
  allow: requires(canRequestDisclosure),
  async work({ tx, input, actor, now, record }) {
    const pseudonym = await tx.pseudonym.findUnique({ where: { id: input.pseudonymId }, select: { id: true } });
    if (!pseudonym) throw notFound();
    const disclosure = await tx.pseudonymDisclosure.create({ data: { pseudonymId: pseudonym.id, requesterId: actor.userId, reason: input.reason, createdAt: now }, select: { id: true } });
    record({ action: "pseudonym.disclosure_requested", entityType: "PseudonymDisclosure", entityId: disclosure.id, isPublic: true, data: {} });
    return { id: disclosure.id };
  },
  invalidates: ["dialogue", "transparency"],
});
