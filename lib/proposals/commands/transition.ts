import type { z } from "zod";
import { defineCommand } from "@/lib/commands/run";
import { conflict, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ProposalNotificationKind } from "@/lib/notifications/kinds";
import {
  answerRefusal,
  AUTHOR_ACTIONS,
  memberOrganizationIds,
  nextProposalStatus,
  PROPOSAL_AUDIT_ACTION,
  proposalActionRefusal,
  transitionRefusal,
  type ProposalAction,
} from "../policy";
import type { ProposalAnswer } from "../schemas";
import { readableProposalWhere } from "../visibility";
import { auditData, factsOf, lockProposal, notifyAuthors, notifyProposalFollowers, proposalSelect, toResult } from "./shared";

/** Changes of state the authors are told about (they make the others themselves). */
const NOTIFIED: Partial<Record<ProposalAction, ProposalNotificationKind>> = {
  startReview: "proposal.review_started",
  accept: "proposal.accepted",
  notRetain: "proposal.not_retained",
  incorporate: "proposal.incorporated",
};

type Extra = { answer?: ProposalAnswer; incorporatedNote?: string };

/**
 * A command for one change of state: the policy allows the action to the actor, the proposal is
 * locked and read with the actor's rights, the policy allows the step from its state, and the
 * update repeats the current status in its WHERE (someone else's change first → nothing written),
 * with the public history entry and the authors' notification in the same transaction.
 */
export function transitionCommand<S extends z.ZodType<{ proposalId: string }>>(
  name: string,
  input: S,
  actionOf: (input: z.output<S>) => ProposalAction,
  extraOf: (input: z.output<S>) => Extra = () => ({}),
) {
  return defineCommand({
    name,
    input,
    actor: "required",
    allow: ({ actor, input }) => proposalActionRefusal(actor, actionOf(input)),
    async load({ tx, input, actor }) {
      const action = actionOf(input);
      await lockProposal(tx, input.proposalId);
      const current = await tx.proposal.findFirst({
        // Authors act on their organization's proposals; reviewers on what they may read.
        where: AUTHOR_ACTIONS.includes(action)
          ? { id: input.proposalId, organizationId: { in: memberOrganizationIds(actor) } }
          : { AND: [{ id: input.proposalId }, readableProposalWhere(actor)] },
        select: proposalSelect,
      });
      if (!current) throw notFound();
      return current;
    },
    authorize({ actor, input, loaded }) {
      const action = actionOf(input);
      const decided = action === "accept" || action === "notRetain";
      return transitionRefusal(actor, factsOf(loaded), action) ?? (decided ? answerRefusal(loaded.language, extraOf(input).answer ?? {}) : null);
    },
    async work({ tx, input, actor, now, loaded: current, record }) {
      const action = actionOf(input);
      // authorize refused every step the state machine does not allow.
      const to = nextProposalStatus(current.status, action)!;
      const extra = extraOf(input);
      const data: Prisma.ProposalUncheckedUpdateManyInput = { status: to };
      if (action === "submit") data.submittedAt = now;
      if (action === "accept" || action === "notRetain") {
        data.answer = extra.answer ?? {};
        data.answeredAt = now;
        data.answeredById = actor.userId;
      }
      if (action === "incorporate") data.incorporatedNote = extra.incorporatedNote ?? null;

      const { count } = await tx.proposal.updateMany({ where: { id: current.id, status: current.status }, data });
      if (count !== 1) throw conflict();
      record({
        action: PROPOSAL_AUDIT_ACTION[action],
        entityType: "Proposal",
        entityId: current.id,
        isPublic: true,
        data: auditData(current, to),
      });
      const kind = NOTIFIED[action];
      if (kind) await notifyAuthors(tx, current, kind, actor.userId);
      // Followers hear of every change in public (a draft's submission has no followers but its authors).
      if (action !== "submit") await notifyProposalFollowers(tx, current, "proposal.followed_status_changed", actor.userId, { status: to });
      return toResult({ ...current, status: to });
    },
    // The history shows on the proposal, the desks count it, the public log lists it.
    invalidates: ["proposals", "dashboard", "transparency", "home"],
  });
}
