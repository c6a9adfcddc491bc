import { defineCommand, requires, type Tx } from "@/lib/commands/run";
import { lockRow } from "@/lib/db/locks";
import { invalid, refuse } from "@/lib/errors";
import type { SelectionMode } from "@/lib/generated/prisma/enums";
import { balanceIfSelected, slateMember, totalSeats, type BalanceWarning, type EarlierSpeakers } from "../balance";
import { canActOnNominations, chairAvailableFor, effectiveSelectionMode, effectiveStatus, nextNominationStatus, seatsFor, selectRefusal, VOTES_TO_SELECT } from "../policy";
import { activeChairs, actorOrganizations } from "../queries";
import { selectSchema } from "../schemas";
import { recoverSeatLimit } from "./seat-limit";
import { moveNomination, nominationData, nominationSelect, result, SURFACES, visibleNomination, type NominationResult } from "./shared";

export type SelectResult = NominationResult & {
  /** CHAIR: the chair selected; TWO_MEMBERS: a vote was cast (and selected when it was the second). */
  mode: SelectionMode;
  votes: number;
  selected: boolean;
};

const slateSelect = {
  role: true,
  nomineeUserId: true,
  nomineeEmail: true,
  nomineeCountry: true,
  nomineeGender: true,
  languages: true,
  nomineeOrganization: { select: { subregion: true, type: true } },
} as const;

/** People selected at a session before this one, among the given nominees (one query). */
async function earlierSpeakers(
  tx: Tx,
  people: readonly { nomineeUserId: string | null; nomineeEmail: string }[],
  before: Date,
  exceptSessionId: string,
): Promise<EarlierSpeakers> {
  const userIds = [...new Set(people.map((p) => p.nomineeUserId).filter((id): id is string => !!id))];
  const emails = [...new Set(people.map((p) => p.nomineeEmail.trim().toLowerCase()))];
  const rows = await tx.nomination.findMany({
    where: {
      status: "SELECTED",
      sessionId: { not: exceptSessionId },
      session: { startsAt: { lt: before } },
      OR: [{ nomineeUserId: { in: userIds } }, { nomineeEmail: { in: emails, mode: "insensitive" } }],
    },
    select: { nomineeUserId: true, nomineeEmail: true },
  });
  return {
    userIds: new Set(rows.map((r) => r.nomineeUserId).filter((id): id is string => !!id)),
    emails: new Set(rows.map((r) => r.nomineeEmail.trim().toLowerCase())),
  };
}

/** Balance warnings as private audit data: how many of how many seats, and the sub-region (never a gender). */
const warningData = (warnings: readonly BalanceWarning[]) =>
  warnings.map((w) => ({ dimension: w.dimension, count: w.count, seats: w.seats, ...(w.dimension === "subregion" ? { subregion: w.key } : {}) }));

/**
 * Selecting an accepted nominee into a seat. In CHAIR mode the chair selects alone; in
 * TWO_MEMBERS mode (or when every chair is recused from this nomination) each member votes with
 * a rationale and the second vote by a different member selects. Recused members cannot. Seats
 * are never exceeded: the session row is locked and the seats counted, and the database trigger
 * refuses anything over (`recover` maps it to the same conflict). A slate where one gender or one
 * sub-region would hold more than 60% of the seats needs `acknowledgeImbalance` and a reason.
 */
export const select = defineCommand({
  name: "nominations.select",
  input: selectSchema,
  actor: "required",
  allow: requires(canActOnNominations),
  async load({ tx, input, actor, now }) {
    const target = await tx.nomination.findFirst({ where: visibleNomination(input.nominationId), select: { sessionId: true } });
    if (!target) return null;
    // Every selection and vote of the session waits here for the one before it to commit.
    await lockRow(tx, "ReviewSession", target.sessionId);
    const n = await tx.nomination.findUniqueOrThrow({
      where: { id: input.nominationId },
      select: { ...nominationSelect, selectionVotes: { orderBy: { createdAt: "asc" }, select: { userId: true, rationale: true } } },
    });
    const own = await actorOrganizations(tx, actor);
    const mode = effectiveSelectionMode(n.session.selectionMode, chairAvailableFor(await activeChairs(tx, now), n));
    const slate = await tx.nomination.findMany({ where: { sessionId: n.sessionId, status: "SELECTED" }, select: slateSelect });
    return { n, own, mode, slate };
  },
  authorize({ actor, now, loaded }) {
    if (!loaded) return refuse.notFound();
    const { n, own, mode, slate } = loaded;
    const roleFull = slate.filter((s) => s.role === n.role).length >= seatsFor(n.session, n.role);
    return selectRefusal(actor, own, n.session, n, { mode, votedByActor: n.selectionVotes.some((v) => v.userId === actor.userId), roleFull }, now);
  },
  async work({ tx, input, actor, now, loaded, record }): Promise<SelectResult> {
    const { n, mode, slate } = loaded!;
    const from = effectiveStatus(n, now);
    // selectRefusal passed: there is a next status.
    const to = nextNominationStatus(from, "select")!;
    const earlier = await earlierSpeakers(tx, [...slate, n], n.session.startsAt, n.sessionId);
    const balance = balanceIfSelected(
      slate.map((s) => slateMember(s, earlier)),
      slateMember(n, earlier),
      totalSeats(n.session),
    );
    if (balance.warnings.length > 0) {
      const missing: Record<string, { key: string }[]> = {};
      if (!input.acknowledgeImbalance) missing.acknowledgeImbalance = [{ key: "nominations.acknowledgeImbalance" }];
      if (!input.balanceReason) missing.balanceReason = [{ key: "nominations.balanceReasonRequired" }];
      if (Object.keys(missing).length > 0) throw invalid(missing, "nominations.imbalanceNeedsAcknowledgement");
      record({
        action: "nomination.balance_acknowledged",
        entityType: "Nomination",
        entityId: n.id,
        isPublic: false,
        data: { ...nominationData(n), reason: input.balanceReason!, warnings: warningData(balance.warnings) },
      });
    }

    if (mode === "CHAIR") {
      await moveNomination(tx, n, { status: to, selectedAt: now, selectedById: actor.userId, selectionRationale: input.rationale });
      record({ action: "nomination.selected", entityType: "Nomination", entityId: n.id, isPublic: false, data: { ...nominationData(n), mode, rationale: input.rationale } });
      return { ...result(n, to), mode, votes: n.selectionVotes.length, selected: true };
    }

    await tx.nominationSelectionVote.create({ data: { nominationId: n.id, userId: actor.userId, rationale: input.rationale } });
    record({ action: "nomination.vote", entityType: "Nomination", entityId: n.id, isPublic: false, data: { ...nominationData(n), rationale: input.rationale } });
    const votes = n.selectionVotes.length + 1;
    if (votes < VOTES_TO_SELECT) return { ...result(n, from), mode, votes, selected: false };
    // The first vote's rationale is the one kept on the nomination; each vote keeps its own.
    const rationale = n.selectionVotes[0]?.rationale ?? input.rationale;
    await moveNomination(tx, n, { status: to, selectedAt: now, selectedById: actor.userId, selectionRationale: rationale });
    record({ action: "nomination.selected", entityType: "Nomination", entityId: n.id, isPublic: false, data: { ...nominationData(n), mode, rationale, votes } });
    return { ...result(n, to), mode, votes, selected: true };
  },
  recover: recoverSeatLimit<SelectResult>,
  invalidates: SURFACES.private,
});
