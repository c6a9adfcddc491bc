import { defineCommand, requires } from "@/lib/commands/run";
import { lockRow } from "@/lib/db/locks";
import { refuse } from "@/lib/errors";
import { canActOnNominations, chairAvailableFor, effectiveSelectionMode, effectiveStatus, nextNominationStatus, unselectRefusal } from "../policy";
import { activeChairs, actorOrganizations } from "../queries";
import { nominationRefSchema } from "../schemas";
import { moveNomination, nominationData, nominationSelect, result, SURFACES, visibleNomination } from "./shared";

/**
 * A selected nominee goes back to accepted, before staff confirm the slate: by the chair in
 * CHAIR mode, by any member (not recused) in two-member mode. The votes are cleared: selecting
 * again takes new ones.
 */
export const unselect = defineCommand({
  name: "nominations.unselect",
  input: nominationRefSchema,
  actor: "required",
  allow: requires(canActOnNominations),
  async load({ tx, input, actor, now }) {
    const target = await tx.nomination.findFirst({ where: visibleNomination(input.nominationId), select: { sessionId: true } });
    if (!target) return null;
    await lockRow(tx, "ReviewSession", target.sessionId);
    const n = await tx.nomination.findUniqueOrThrow({ where: { id: input.nominationId }, select: nominationSelect });
    const own = await actorOrganizations(tx, actor);
    const mode = effectiveSelectionMode(n.session.selectionMode, chairAvailableFor(await activeChairs(tx, now), n));
    return { n, own, mode };
  },
  authorize: ({ actor, now, loaded }) => (loaded ? unselectRefusal(actor, loaded.own, loaded.n.session, loaded.n, loaded.mode, now) : refuse.notFound()),
  async work({ tx, now, loaded, record }) {
    const { n } = loaded!;
    // unselectRefusal passed: there is a next status.
    const to = nextNominationStatus(effectiveStatus(n, now), "unselect")!;
    await moveNomination(tx, n, { status: to, selectedAt: null, selectedById: null, selectionRationale: null });
    await tx.nominationSelectionVote.deleteMany({ where: { nominationId: n.id } });
    record({ action: "nomination.unselected", entityType: "Nomination", entityId: n.id, isPublic: false, data: nominationData(n) });
    return result(n, to);
  },
  invalidates: SURFACES.private,
});
