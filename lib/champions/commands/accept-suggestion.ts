import { defineCommand, requires } from "@/lib/commands/run";
import { refuse } from "@/lib/errors";
import { canManageChampions, isChampionOn, suggestionDecisionRefusal } from "../policy";
import { acceptSuggestionSchema } from "../schemas";
import { commitmentAudit, insertCommitment } from "./shared";
import { loadSuggestion, suggestionAudit } from "./suggestion-rows";

/**
 * Staff accept a pending suggestion: in the same transaction it becomes an initiative (its
 * title, description, language, country, public body and source link), linked from the
 * suggestion. The decision and the new initiative are public.
 *
 * Input: { suggestionId, objectives? }
 * Refused: a suggestion already decided (conflict); a country no longer a champion (conflict).
 * Result: { id (the suggestion), commitmentId }
 */
export const acceptSuggestion = defineCommand({
  name: "champions.acceptSuggestion",
  input: acceptSuggestionSchema,
  actor: "required",
  allow: requires(canManageChampions),
  async load({ tx, input }) {
    const suggestion = await loadSuggestion(tx, input.suggestionId);
    const terms = await tx.championTerm.findMany({ where: { country: suggestion.country }, select: { country: true, startsOn: true, endsOn: true } });
    return { suggestion, terms };
  },
  authorize: ({ loaded, now }) =>
    suggestionDecisionRefusal(loaded.suggestion) ?? (isChampionOn(loaded.terms, loaded.suggestion.country, now) ? null : refuse.conflict("champions.suggestionNotChampion")),
  async work({ tx, input, actor, now, loaded, record }) {
    const s = loaded.suggestion;
    const c = await insertCommitment(
      tx,
      { kind: "INITIATIVE", country: s.country, publicBody: s.publicBody, objectives: input.objectives, status: "ANNOUNCED" },
      {
        texts: { [s.language]: { title: s.title, description: s.description } },
        milestones: [],
        sources: s.sourceUrl ? [{ title: s.title, url: s.sourceUrl }] : [],
      },
      "suggestion_accepted",
      actor.userId,
      now,
    );
    await tx.initiativeSuggestion.update({ where: { id: s.id }, data: { status: "ACCEPTED", commitmentId: c.id, decidedById: actor.userId, decidedAt: now } });
    record({ action: "suggestion.accepted", entityType: "InitiativeSuggestion", entityId: s.id, isPublic: true, data: { ...suggestionAudit(s), commitmentId: c.id } });
    record({ action: "commitment.created", entityType: "Commitment", entityId: c.id, isPublic: true, data: commitmentAudit(c, s.title) });
    return { id: s.id, commitmentId: c.id };
  },
  invalidates: ["champions", "home", "dashboard", "transparency"],
});
