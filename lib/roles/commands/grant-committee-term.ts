import { defineCommand, requires } from "@/lib/commands/run";
import { advisoryLock } from "@/lib/db/locks";
import { conflict, fieldError, notFound } from "@/lib/errors";
import { canManageCommitteeTerms } from "../policy";
import { formatCalendarDate, grantCommitteeTermSchema } from "../schemas";
import { findTargetUser, todayUtc } from "./target-user";

/**
 * Staff name a person to the Civil Society Committee for a period, optionally representing a
 * verified regional network, optionally as chair. One chair at a time; one term per person at a time.
 */
export const grantCommitteeTerm = defineCommand({
  name: "roles.grantCommitteeTerm",
  input: grantCommitteeTermSchema,
  actor: "required",
  allow: requires(canManageCommitteeTerms),
  async work({ tx, input, actor, now, record }) {
    if (input.endsOn < todayUtc(now)) throw fieldError("endsOn", "roles.endInPast");
    // Two staff members cannot name two chairs at the same moment.
    await advisoryLock(tx, "roles.committeeTerms");
    const user = await findTargetUser(tx, input);
    let organization: { id: string; name: string } | null = null;
    if (input.organizationId) {
      const org = await tx.organization.findUnique({ where: { id: input.organizationId }, select: { id: true, name: true, status: true } });
      if (!org) throw notFound();
      if (org.status !== "VERIFIED") throw fieldError("organizationId", "roles.organizationNotVerified");
      organization = { id: org.id, name: org.name };
    }
    // Terms that were not ended early and share at least one day with the new one.
    const overlapping = { startsOn: { lte: input.endsOn }, endsOn: { gte: input.startsOn }, endedEarlyAt: null };
    const ownOverlap = await tx.committeeTerm.findFirst({ where: { ...overlapping, userId: user.id }, select: { id: true } });
    if (ownOverlap) throw conflict("roles.termOverlaps");
    if (input.isChair) {
      const chair = await tx.committeeTerm.findFirst({ where: { ...overlapping, isChair: true }, select: { user: { select: { name: true } } } });
      if (chair) throw conflict("roles.chairTaken", { name: chair.user.name });
    }
    const term = await tx.committeeTerm.create({
      data: {
        userId: user.id,
        organizationId: organization?.id ?? null,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        isChair: input.isChair,
        grantedById: actor.userId,
      },
    });
    record({
      action: "committee_term.granted",
      entityType: "CommitteeTerm",
      entityId: term.id,
      isPublic: true,
      data: {
        userName: user.name,
        organizationName: organization?.name ?? null,
        startsOn: formatCalendarDate(term.startsOn),
        endsOn: formatCalendarDate(term.endsOn),
        isChair: term.isChair,
      },
    });
    return term;
  },
  invalidates: ["admin", "dashboard", "transparency"],
});
