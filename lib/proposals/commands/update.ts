import { defineCommand } from "@/lib/commands/run";
import { conflict, notFound } from "@/lib/errors";
import { authorRefusal, DRAFTING_ORGANIZATION_STATUSES, editDraftRefusal, memberOrganizationIds } from "../policy";
import { updateProposalSchema } from "../schemas";
import { auditData, checkSession, factsOf, proposalSelect, toResult } from "./shared";

/**
 * Any member of the authoring organization edits a draft while the organization is verified or
 * pending; once submitted, it no longer changes.
 */
export const updateProposal = defineCommand({
  name: "proposals.update",
  input: updateProposalSchema,
  actor: "required",
  allow: ({ actor }) => authorRefusal(actor),
  // Scoped by the actor's organizations: another organization's id is simply not found.
  async load({ tx, input, actor }) {
    const current = await tx.proposal.findFirst({
      where: { id: input.proposalId, organizationId: { in: memberOrganizationIds(actor) } },
      select: { ...proposalSelect, sessionId: true },
    });
    if (!current) throw notFound();
    return current;
  },
  authorize: ({ loaded }) => editDraftRefusal(factsOf(loaded)),
  async work({ tx, input, loaded: current, record }) {
    // The session it already names stays allowed even if it has moved on since; a new one must be open.
    const sessionId = await checkSession(tx, input.sessionId, current.sessionId);
    const { count } = await tx.proposal.updateMany({
      where: { id: current.id, status: "DRAFT", organization: { status: { in: [...DRAFTING_ORGANIZATION_STATUSES] } } },
      data: {
        title: input.title,
        summary: input.summary,
        body: input.body,
        language: input.language,
        objectives: input.objectives,
        countries: input.countries,
        concernsChildren: input.concernsChildren,
        concernsGender: input.concernsGender,
        concernsIrregular: input.concernsIrregular,
        sessionId,
      },
    });
    if (count !== 1) throw conflict("proposals.notEditable");
    const row = { ...current, title: input.title, language: input.language };
    record({ action: "proposal.draft_saved", entityType: "Proposal", entityId: current.id, isPublic: false, data: auditData(row, "DRAFT") });
    return toResult(row);
  },
  invalidates: ["proposals", "dashboard"],
});
