import { defineCommand, requires } from "@/lib/commands/run";
import { lockRow } from "@/lib/db/locks";
import { refuse } from "@/lib/errors";
import { canActOnNominations, endorseRefusal } from "../policy";
import { actorOrganizations } from "../queries";
import { nominationRefSchema } from "../schemas";
import { nominationData, nominationSelect, SURFACES, visibleNomination } from "./shared";

export type EndorseResult = { nominationId: string; sessionId: string; alreadyDone: boolean };

/**
 * Another committee member endorses a nomination still in play. Not the nominator, and not a
 * member recused from it (the nominee is from their own organization). Twice is once.
 */
export const endorse = defineCommand({
  name: "nominations.endorse",
  input: nominationRefSchema,
  actor: "required",
  allow: requires(canActOnNominations),
  async load({ tx, input, actor }) {
    await lockRow(tx, "Nomination", input.nominationId);
    const n = await tx.nomination.findFirst({ where: visibleNomination(input.nominationId), select: nominationSelect });
    return { n, own: await actorOrganizations(tx, actor) };
  },
  authorize: ({ actor, now, loaded: { n, own } }) => (n ? endorseRefusal(actor, own, n.session, n, now) : refuse.notFound()),
  async work({ tx, actor, loaded, record }): Promise<EndorseResult> {
    const n = loaded.n!;
    const { count } = await tx.nominationEndorsement.createMany({ data: [{ nominationId: n.id, userId: actor.userId }], skipDuplicates: true });
    if (count > 0) record({ action: "nomination.endorsed", entityType: "Nomination", entityId: n.id, isPublic: false, data: nominationData(n) });
    return { nominationId: n.id, sessionId: n.sessionId, alreadyDone: count === 0 };
  },
  invalidates: (done) => (done.alreadyDone ? [] : SURFACES.private),
});
