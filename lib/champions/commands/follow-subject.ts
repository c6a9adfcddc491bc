import { defineCommand, requires } from "@/lib/commands/run";
import { notFound } from "@/lib/errors";
import { canFollow } from "../policy";
import { followSchema } from "../schemas";

/**
 * A signed-in person follows a country or a commitment: updates and status changes reach them in
 * the app. Following again changes nothing.
 *
 * Input: { subject: "COUNTRY", key: "MX" } | { subject: "COMMITMENT", key: <commitment id> }
 * Result: { subject, key, following: true, changed }
 */
export const followSubject = defineCommand({
  name: "champions.followSubject",
  input: followSchema,
  actor: "required",
  allow: requires(canFollow),
  async load({ tx, input }) {
    if (input.subject === "COMMITMENT" && !(await tx.commitment.findUnique({ where: { id: input.key }, select: { id: true } }))) throw notFound();
  },
  async work({ tx, input, actor, now, record }) {
    const { count } = await tx.follow.createMany({ data: [{ userId: actor.userId, subject: input.subject, key: input.key, createdAt: now }], skipDuplicates: true });
    if (count === 1) record({ action: "follow.added", entityType: "Follow", entityId: actor.userId, isPublic: false, data: { subject: input.subject, key: input.key } });
    return { subject: input.subject, key: input.key, following: true, changed: count === 1 };
  },
});
