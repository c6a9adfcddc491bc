import { defineCommand, requires } from "@/lib/commands/run";
import { advisoryLock } from "@/lib/db/locks";
import { formatCalendarDate } from "@/lib/roles/schemas";
import { canManageChampions, termOverlapRefusal } from "../policy";
import { addChampionTermSchema } from "../schemas";

/**
 * Staff make a country a champion State from a day (and until one, when known).
 *
 * Input: { country: "MX", startsOn: "2026-01-01", endsOn?: "2027-12-31" }
 * Refused: a term of that country overlapping this one (field country).
 */
export const addChampionTerm = defineCommand({
  name: "champions.addChampionTerm",
  input: addChampionTermSchema,
  actor: "required",
  allow: requires(canManageChampions),
  async load({ tx, input }) {
    // Two staff adding the same country at once: one after the other, so the overlap check holds.
    await advisoryLock(tx, `champion-term:${input.country}`);
    return tx.championTerm.findMany({ where: { country: input.country }, select: { startsOn: true, endsOn: true } });
  },
  authorize: ({ loaded, input }) => termOverlapRefusal(loaded, input.startsOn, input.endsOn ?? null),
  async work({ tx, input, actor, record }) {
    const term = await tx.championTerm.create({
      data: { country: input.country, startsOn: input.startsOn, endsOn: input.endsOn ?? null, grantedById: actor.userId },
    });
    record({
      action: "champion.term_added",
      entityType: "ChampionTerm",
      entityId: term.id,
      isPublic: true,
      data: { country: term.country, startsOn: formatCalendarDate(term.startsOn), endsOn: term.endsOn ? formatCalendarDate(term.endsOn) : null },
    });
    return { id: term.id, country: term.country, startsOn: term.startsOn, endsOn: term.endsOn };
  },
  invalidates: ["champions", "home", "transparency"],
});
