import { defineCommand, requires } from "@/lib/commands/run";
import { lockRow } from "@/lib/db/locks";
import { notify } from "@/lib/notifications/notify";
import { PROPOSAL_AUDIT_ACTION } from "@/lib/proposals/policy";
import { publicProposalWhere } from "@/lib/proposals/visibility";
import { canLinkProposals, isPublicVersion, linkRefusal } from "../policy";
import { linkProposalSchema } from "../schemas";
import { findParagraph, type LinkResult } from "./paragraph-ref";

/**
 * Traceability: staff link a paragraph to a public proposal it takes up (not a draft, of a
 * verified organization). The paragraph shows it, the proposal page shows the paragraph
 * (non-draft versions only), and an ACCEPTED proposal becomes INCORPORATED in the same
 * transaction, with its own history entry and its authors notified, as lib/proposals does.
 */
export const linkParagraphProposal = defineCommand({
  name: "report.linkProposal",
  input: linkProposalSchema,
  actor: "required",
  allow: requires(canLinkProposals),
  async load({ tx, input }) {
    const paragraph = await findParagraph(tx, input);
    await lockRow(tx, "Proposal", input.proposal);
    const proposal = await tx.proposal.findFirst({
      where: { AND: [{ id: input.proposal }, publicProposalWhere] },
      select: { id: true, title: true, status: true, organizationId: true, organization: { select: { name: true, slug: true } } },
    });
    const existing = proposal
      ? await tx.reportParagraphProposal.findUnique({
          where: { paragraphId_proposalId: { paragraphId: paragraph.id, proposalId: proposal.id } },
          select: { paragraphId: true },
        })
      : null;
    return { paragraph, proposal, alreadyLinked: !!existing };
  },
  authorize: ({ loaded }) => linkRefusal(loaded.proposal, loaded.alreadyLinked),
  async work({ tx, actor, loaded, record }): Promise<LinkResult> {
    const { paragraph } = loaded;
    const proposal = loaded.proposal!;
    await tx.reportParagraphProposal.create({ data: { paragraphId: paragraph.id, proposalId: proposal.id, linkedById: actor.userId } });
    const version = paragraph.version;
    record({
      action: "report.proposal_linked",
      entityType: "ReportParagraph",
      entityId: paragraph.id,
      isPublic: isPublicVersion(version.status),
      data: { versionNumber: version.number, anchor: paragraph.anchor, proposalId: proposal.id, proposalTitle: proposal.title },
    });
    // The proposal's own change of state, as lib/proposals writes it for "incorporate".
    const incorporated =
      proposal.status === "ACCEPTED" &&
      (await tx.proposal.updateMany({ where: { id: proposal.id, status: "ACCEPTED" }, data: { status: "INCORPORATED" } })).count === 1;
    if (incorporated) {
      record({
        // The proposals' own name for the event (narrowed: their table is typed as plain strings).
        action: PROPOSAL_AUDIT_ACTION.incorporate as "proposal.incorporated",
        entityType: "Proposal",
        entityId: proposal.id,
        isPublic: true,
        data: {
          proposalTitle: proposal.title,
          organizationName: proposal.organization.name,
          organizationSlug: proposal.organization.slug,
          status: "INCORPORATED",
        },
      });
      const members = await tx.membership.findMany({ where: { organizationId: proposal.organizationId }, select: { userId: true } });
      await notify(tx, {
        userIds: members.map((m) => m.userId),
        kind: "proposal.incorporated",
        data: { proposalId: proposal.id, proposalTitle: proposal.title },
        exceptUserId: actor.userId,
      });
    }
    return { versionId: version.id, versionNumber: version.number, anchor: paragraph.anchor, proposalId: proposal.id, incorporated };
  },
  invalidates: ["report", "proposals", "dashboard", "transparency"],
});
