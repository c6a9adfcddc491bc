import type { Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/commands/run";
import { readableProposalWhere } from "@/lib/proposals/visibility";
import type { FollowTarget } from "./policy";
import type { FollowInput } from "./schemas";

/**
 * Reads (inside the command's transaction) what followRefusal decides on: null when the item
 * does not exist or, for a proposal, when the actor may not read it. A country's code was checked
 * by the schema.
 */
export async function loadFollowTarget(tx: Tx, actor: Actor | null, input: FollowInput): Promise<FollowTarget | null> {
  const id = input.key;
  switch (input.subject) {
    case "COUNTRY":
      return { subject: "COUNTRY" };
    case "COMMITMENT":
      return (await tx.commitment.findUnique({ where: { id }, select: { id: true } })) ? { subject: "COMMITMENT" } : null;
    case "PROPOSAL":
      return (await tx.proposal.findFirst({ where: { AND: [{ id }, readableProposalWhere(actor)] }, select: { id: true } })) ? { subject: "PROPOSAL" } : null;
    case "SESSION": {
      const session = await tx.reviewSession.findUnique({ where: { id }, select: { status: true } });
      return session ? { subject: "SESSION", status: session.status } : null;
    }
    case "CONSULTATION": {
      const consultation = await tx.consultation.findUnique({ where: { id }, select: { status: true, ownerId: true } });
      return consultation ? { subject: "CONSULTATION", ...consultation } : null;
    }
  }
}
