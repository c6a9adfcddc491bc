import { defineCommand, requires } from "@/lib/commands/run";
import { lockRow } from "@/lib/db/locks";
import { notFound } from "@/lib/errors";
import { formatCalendarDate } from "@/lib/roles/schemas";
import { canManageChampions, endTermRefusal } from "../policy";
import { endChampionTermSchema } from "../schemas";

/**
 * Staff end a champion term: its last day is `endsOn` (today when left out). Initiatives stay;
 * the country writes no new one after that day.
 *
 * Input: { termId, endsOn?: "2026-12-31" }
 * Refused: a day before the term started (field endsOn); a term already ended on or before it (conflict).
 */
export const endChampionTerm = defineCommand({
  name: "champions.endChampionTerm",
  input: endChampionTermSchema,
  actor: "required",
  allow: requires(canManageChampions),
  async load({ tx, input }) {
    if (!(await lockRow(tx, "ChampionTerm", input.termId))) throw notFound();
    return tx.championTerm.findUniqueOrThrow({ where: { id: input.termId } });
  },
  authorize: ({ loaded, input, now }) => endTermRefusal(loaded, input.endsOn ?? todayOf(now)),
  async work({ tx, input, now, loaded: term, record }) {
    const endsOn = input.endsOn ?? todayOf(now);
    await tx.championTerm.update({ where: { id: term.id }, data: { endsOn } });
    record({
      action: "champion.term_ended",
      entityType: "ChampionTerm",
      entityId: term.id,
      isPublic: true,
      data: { country: term.country, startsOn: formatCalendarDate(term.startsOn), endsOn: formatCalendarDate(endsOn) },
    });
    return { id: term.id, country: term.country, startsOn: term.startsOn, endsOn };
  },
  invalidates: ["champions", "home", "transparency"],
});

/** The UTC day of the command's clock, as date columns store it. */
const todayOf = (now: Date) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
