import { defineCommand, requires } from "@/lib/commands/run";
import { lockRow } from "@/lib/db/locks";
import { refuse } from "@/lib/errors";
import { canActOnNominations, removeEndorsementRefusal } from "../policy";
import { nominationRefSchema } from "../schemas";
import type { EndorseResult } from "./endorse";
import { nominationData, nominationSelect, SURFACES, visibleNomination } from "./shared";

/** A committee member takes back their endorsement, until the slate is confirmed. Nothing to take back is not an error. */
export const removeEndorsement = defineCommand({
  name: "nominations.removeEndorsement",
  input: nominationRefSchema,
  actor: "required",
  allow: requires(canActOnNominations),
  async load({ tx, input }) {
    await lockRow(tx, "Nomination", input.nominationId);
    return tx.nomination.findFirst({ where: visibleNomination(input.nominationId), select: nominationSelect });
  },
  authorize: ({ actor, loaded: n }) => (n ? removeEndorsementRefusal(actor, n.session) : refuse.notFound()),
  async work({ tx, actor, loaded, record }): Promise<EndorseResult> {
    const n = loaded!;
    const { count } = await tx.nominationEndorsement.deleteMany({ where: { nominationId: n.id, userId: actor.userId } });
    if (count > 0) record({ action: "nomination.endorsement_removed", entityType: "Nomination", entityId: n.id, isPublic: false, data: nominationData(n) });
    return { nominationId: n.id, sessionId: n.sessionId, alreadyDone: count === 0 };
  },
  invalidates: (done) => (done.alreadyDone ? [] : SURFACES.private),
});
