import { defineCommand, requires } from "@/lib/commands/run";
import { conflict, notFound } from "@/lib/errors";
import { canLinkProposals, isPublicVersion } from "../policy";
import { unlinkProposalSchema } from "../schemas";
import { findParagraph, type LinkResult } from "./paragraph-ref";

/**
 * Staff remove a link made by mistake. The proposal keeps its status (an incorporated proposal
 * stays incorporated: its history says so).
 */
export const unlinkParagraphProposal = defineCommand({
  name: "report.unlinkProposal",
  input: unlinkProposalSchema,
  actor: "required",
  allow: requires(canLinkProposals),
  async load({ tx, input }) {
    const paragraph = await findParagraph(tx, input);
    const link = await tx.reportParagraphProposal.findUnique({
      where: { paragraphId_proposalId: { paragraphId: paragraph.id, proposalId: input.proposalId } },
      select: { proposal: { select: { id: true, title: true } } },
    });
    if (!link) throw notFound();
    return { paragraph, proposal: link.proposal };
  },
  async work({ tx, loaded: { paragraph, proposal }, record }): Promise<LinkResult> {
    const { count } = await tx.reportParagraphProposal.deleteMany({ where: { paragraphId: paragraph.id, proposalId: proposal.id } });
    if (count !== 1) throw conflict();
    const version = paragraph.version;
    record({
      action: "report.proposal_unlinked",
      entityType: "ReportParagraph",
      entityId: paragraph.id,
      isPublic: isPublicVersion(version.status),
      data: { versionNumber: version.number, anchor: paragraph.anchor, proposalId: proposal.id, proposalTitle: proposal.title },
    });
    return { versionId: version.id, versionNumber: version.number, anchor: paragraph.anchor, proposalId: proposal.id, incorporated: false };
  },
  invalidates: ["report", "proposals", "transparency"],
});
