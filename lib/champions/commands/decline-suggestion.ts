import { defineCommand, requires } from "@/lib/commands/run";
import { canManageChampions, suggestionDecisionRefusal } from "../policy";
import { declineSuggestionSchema } from "../schemas";
import { loadSuggestion, suggestionAudit } from "./suggestion-rows";

/**
 * Staff decline a pending suggestion with a reason; the decision and its reason are public.
 *
 * Input: { suggestionId, reason }
 * Refused: a suggestion already decided (conflict).
 */
export const declineSuggestion = defineCommand({
  name: "champions.declineSuggestion",
  input: declineSuggestionSchema,
  actor: "required",
  allow: requires(canManageChampions),
  load: ({ tx, input }) => loadSuggestion(tx, input.suggestionId),
  authorize: ({ loaded }) => suggestionDecisionRefusal(loaded),
  async work({ tx, input, actor, now, loaded: s, record }) {
    await tx.initiativeSuggestion.update({ where: { id: s.id }, data: { status: "DECLINED", decisionReason: input.reason, decidedById: actor.userId, decidedAt: now } });
    record({ action: "suggestion.declined", entityType: "InitiativeSuggestion", entityId: s.id, isPublic: true, data: { ...suggestionAudit(s), reason: input.reason } });
    return { id: s.id, status: "DECLINED" as const };
  },
  invalidates: ["champions", "dashboard", "transparency"],
});
