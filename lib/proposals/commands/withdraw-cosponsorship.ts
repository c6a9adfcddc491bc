import { defineCommand } from "@/lib/commands/run";
import { notFound } from "@/lib/errors";
import { authorRefusal, memberOrganizationIds, withdrawCosponsorshipRefusal } from "../policy";
import { cosponsorSchema } from "../schemas";
import { readableProposalWhere } from "../visibility";
import type { CosponsorResult } from "./cosponsor";
import { lockProposal, proposalSelect } from "./shared";

/** A co-sponsoring organization withdraws its support, before a decision. Nothing to withdraw is not an error. */
export const withdrawCosponsorship = defineCommand({
  name: "proposals.uncosponsor",
  input: cosponsorSchema,
  actor: "required",
  allow: ({ actor }) => authorRefusal(actor),
  async load({ tx, input, actor }) {
    await lockProposal(tx, input.proposalId);
    const current = await tx.proposal.findFirst({
      where: { AND: [{ id: input.proposalId }, readableProposalWhere(actor)] },
      select: { ...proposalSelect, cosponsors: { where: { organizationId: { in: memberOrganizationIds(actor) } }, select: { organizationId: true } } },
    });
    if (!current) throw notFound();
    return { current, mine: current.cosponsors.map((c) => c.organizationId) };
  },
  authorize: ({ actor, input, loaded }) => withdrawCosponsorshipRefusal(actor, loaded.current, input.organizationId, loaded.mine),
  async work({ tx, input, loaded: { current, mine }, record }): Promise<CosponsorResult> {
    const organizationId = input.organizationId ?? mine[0];
    if (organizationId === undefined) return { proposalId: current.id, organizationId: null, alreadyDone: true };
    const { count } = await tx.proposalCosponsor.deleteMany({ where: { proposalId: current.id, organizationId } });
    if (count === 0) return { proposalId: current.id, organizationId, alreadyDone: true };
    await tx.proposal.update({ where: { id: current.id }, data: { cosponsorCount: { decrement: 1 } } });
    const cosponsor = await tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { name: true, slug: true } });
    record({
      action: "proposal.cosponsor_withdrawn",
      entityType: "Proposal",
      entityId: current.id,
      isPublic: true,
      data: { proposalTitle: current.title, organizationName: cosponsor.name, organizationSlug: cosponsor.slug },
    });
    return { proposalId: current.id, organizationId, alreadyDone: false };
  },
  invalidates: ["proposals", "dashboard", "transparency"],
});
