import { defineCommand } from "@/lib/commands/run";
import { notFound } from "@/lib/errors";
import { cosponsorerRefusal, cosponsorOrganizationIds, cosponsorRefusal } from "../policy";
import { cosponsorSchema } from "../schemas";
import { readableProposalWhere } from "../visibility";
import { lockProposal, notifyAuthors, proposalSelect } from "./shared";

/** `alreadyDone`: nothing changed (a second click); `organizationId` is null when there was nothing to withdraw. */
export type CosponsorResult = { proposalId: string; organizationId: string | null; alreadyDone: boolean };

/**
 * A member of another verified organization co-sponsors a submitted proposal (or one under
 * review) on its behalf. Once per organization: a second click changes nothing and is not an error.
 */
export const cosponsorProposal = defineCommand({
  name: "proposals.cosponsor",
  input: cosponsorSchema,
  actor: "required",
  allow: ({ actor }) => cosponsorerRefusal(actor),
  async load({ tx, input, actor }) {
    await lockProposal(tx, input.proposalId);
    const current = await tx.proposal.findFirst({ where: { AND: [{ id: input.proposalId }, readableProposalWhere(actor)] }, select: proposalSelect });
    if (!current) throw notFound();
    return current;
  },
  authorize: ({ actor, input, loaded }) => cosponsorRefusal(actor, loaded, input.organizationId),
  async work({ tx, input, actor, loaded: current, record }): Promise<CosponsorResult> {
    // authorize made sure the choice is one, or that there is only one.
    const organizationId = input.organizationId ?? cosponsorOrganizationIds(actor, current)[0];
    const { count } = await tx.proposalCosponsor.createMany({
      data: [{ proposalId: current.id, organizationId, userId: actor.userId }],
      skipDuplicates: true,
    });
    if (count === 0) return { proposalId: current.id, organizationId, alreadyDone: true };
    await tx.proposal.update({ where: { id: current.id }, data: { cosponsorCount: { increment: 1 } } });
    const cosponsor = await tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { name: true, slug: true } });
    record({
      action: "proposal.cosponsored",
      entityType: "Proposal",
      entityId: current.id,
      isPublic: true,
      data: { proposalTitle: current.title, organizationName: cosponsor.name, organizationSlug: cosponsor.slug },
    });
    await notifyAuthors(tx, current, "proposal.cosponsored", actor.userId, { organizationName: cosponsor.name });
    return { proposalId: current.id, organizationId, alreadyDone: false };
  },
  invalidates: ["proposals", "dashboard", "transparency"],
});
