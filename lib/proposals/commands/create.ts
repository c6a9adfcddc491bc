import { randomUUID } from "node:crypto";
import { defineCommand } from "@/lib/commands/run";
import { convertRefusal } from "@/lib/consultations/policy";
import { loadSourceContribution } from "@/lib/consultations/source";
import { db } from "@/lib/db/client";
import { conflict, refusalToError } from "@/lib/errors";
import type { RateLimitRule } from "@/lib/rate-limit/consume";
import { isUniqueViolation } from "@/lib/db/errors";
import { authoringOrganization, createRefusal, DRAFTING_ORGANIZATION_STATUSES, draftingOrganizationRefusal, replayRefusal } from "../policy";
import { createProposalSchema } from "../schemas";
import { auditData, checkSession, proposalSelect, toResult, type ProposalResult, type ProposalRow } from "./shared";

// Generous: it stops a script, not a person writing proposals.
const createRule = (userId: string): RateLimitRule => ({ key: `proposals.create:${userId}`, limit: 60, windowSeconds: 3600 });

/**
 * A member of a verified or pending organization saves a new draft on its behalf. The form's idempotency
 * key becomes the proposal's id: posting the same form again returns the proposal created the
 * first time (when it is the same author's, for the same organization) instead of a second one.
 * With `sourceContributionId`, the draft is made from the author's own consultation contribution
 * (lib/consultations/policy.ts `convertRefusal`) and keeps the link; one proposal per contribution.
 */
export const createProposal = defineCommand({
  name: "proposals.create",
  input: createProposalSchema,
  actor: "required",
  allow: ({ actor, input }) => createRefusal(actor, input.organizationId),
  rateLimit: { rules: ({ actor }) => [createRule(actor.userId)], count: "success" },
  async load({ tx, input, actor }) {
    const id = input.idempotencyKey ?? randomUUID();
    const organizationId = authoringOrganization(actor, input.organizationId)!;
    const earlier = await tx.proposal.findUnique({ where: { id }, select: proposalSelect });
    // Read again in the transaction: the organization may have been suspended since the page loaded.
    const organization = await tx.organization.findFirst({
      where: { id: organizationId, status: { in: [...DRAFTING_ORGANIZATION_STATUSES] }, memberships: { some: { userId: actor.userId } } },
      select: { status: true },
    });
    const source = input.sourceContributionId ? await loadSourceContribution(tx, input.sourceContributionId) : undefined;
    return { id, organizationId, earlier, organization, source };
  },
  // A form posted twice is answered as the first time, whatever happened to the organization since.
  authorize: ({ actor, loaded, now }) =>
    loaded.earlier ? null : (draftingOrganizationRefusal(loaded.organization) ?? (loaded.source === undefined ? null : convertRefusal(actor, loaded.source, now))),
  async work({ tx, input, actor, loaded, record }): Promise<ProposalResult & { created: boolean }> {
    if (loaded.earlier) return replay(actor, loaded.earlier, loaded.organizationId);
    const sessionId = await checkSession(tx, input.sessionId);
    const row = await tx.proposal.create({
      data: {
        id: loaded.id,
        organizationId: loaded.organizationId,
        authorId: actor.userId,
        title: input.title,
        summary: input.summary,
        body: input.body,
        language: input.language,
        objectives: input.objectives,
        countries: input.countries,
        sessionId,
        concernsChildren: input.concernsChildren,
        concernsGender: input.concernsGender,
        concernsIrregular: input.concernsIrregular,
        status: "DRAFT",
        sourceContributionId: loaded.source?.id ?? null,
      },
      select: proposalSelect,
    });
    record({ action: "proposal.draft_saved", entityType: "Proposal", entityId: row.id, isPublic: false, data: auditData(row, "DRAFT") });
    if (loaded.source) {
      const data = { consultationId: loaded.source.consultationId, contributionId: loaded.source.id, proposalId: row.id };
      record({ action: "consultation.contribution_converted", entityType: "ConsultationContribution", entityId: loaded.source.id, isPublic: false, data });
    }
    return { ...toResult(row), created: true };
  },
  // Two posts of the same form at the same moment: the second insert hits the primary key.
  async recover(error, { input, actor }) {
    if (!isUniqueViolation(error)) return undefined;
    const existing = input.idempotencyKey ? await db.proposal.findUnique({ where: { id: input.idempotencyKey }, select: proposalSelect }) : null;
    if (existing) return replay(actor, existing, authoringOrganization(actor, input.organizationId)!);
    // The contribution became a proposal in another request at the same moment.
    if (input.sourceContributionId) throw conflict("consultations.alreadyConverted");
    return undefined;
  },
  invalidates: ["proposals", "dashboard"],
});

function replay(actor: Parameters<typeof replayRefusal>[0], existing: ProposalRow, organizationId: string) {
  const refusal = replayRefusal(actor, existing, organizationId);
  if (refusal) throw refusalToError(refusal);
  return { ...toResult(existing), created: false };
}
