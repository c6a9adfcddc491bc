import { defineCommand } from "@/lib/commands/run";
import { lockRow } from "@/lib/db/locks";
import { refuse } from "@/lib/errors";
import { canWithdrawAs, effectiveStatus, linkInvalid, nextNominationStatus, tokenRefusal, withdrawRefusal, type WithdrawnBy } from "../policy";
import { withdrawSchema } from "../schemas";
import { hashOptOutEmail } from "../tokens";
import { claimToken, findToken, moveNomination, nominationData, nominationSelect, result, SURFACES, tellNominator, visibleNomination, type NominationResult } from "./shared";

export type { WithdrawnBy };

/**
 * A nomination is withdrawn before the session starts: by the nominee (their WITHDRAW link, or
 * signed in as the nominee), by the committee member who nominated, by the chair or by staff.
 * Only the nominee may add "do not nominate me again for this session". Every link of the
 * nomination stops working. The nominee's page and the committee's page run this same command,
 * so both refresh the same surfaces.
 */
export const withdraw = defineCommand({
  name: "nominations.withdraw",
  input: withdrawSchema,
  actor: "optional",
  // With the WITHDRAW link, the link is the credential (tokenRefusal decides); without it, only someone signed in.
  allow: ({ actor, input }) => (input.token || actor ? null : refuse.notSignedIn()),
  async load({ tx, input, actor }) {
    if (input.token) {
      const token = await findToken(tx, input.token);
      if (!token) return { token, n: null };
      await lockRow(tx, "Nomination", token.nominationId);
      return { token, n: await tx.nomination.findUniqueOrThrow({ where: { id: token.nominationId }, select: nominationSelect }) };
    }
    const nominationId = input.nominationId!;
    await lockRow(tx, "Nomination", nominationId);
    // Scoped by rights: the nominee finds their own; the committee and staff find any.
    const committee = !!actor?.committeeTerm || !!actor?.isStaff;
    const where = committee ? visibleNomination(nominationId) : { ...visibleNomination(nominationId), nomineeUserId: actor?.userId };
    return { token: null, n: await tx.nomination.findFirst({ where, select: nominationSelect }) };
  },
  authorize({ input, actor, now, loaded: { token, n } }) {
    // Through the personal link every refusal reads the same.
    if (input.token) return tokenRefusal(token, "WITHDRAW", now) ?? (withdrawRefusal("nominee", n!.session, n!, now) ? linkInvalid() : null);
    if (!n) return refuse.notFound();
    return withdrawRefusal(canWithdrawAs(actor, n), n.session, n, now);
  },
  async work({ tx, input, actor, now, loaded, record }) {
    const n = loaded.n!;
    if (loaded.token) await claimToken(tx, loaded.token.id, now);
    const by: WithdrawnBy = loaded.token ? "nominee" : canWithdrawAs(actor, n)!;
    const from = effectiveStatus(n, now);
    // withdrawRefusal passed: there is a next status.
    const to = nextNominationStatus(from, "withdraw")!;
    await moveNomination(tx, n, { status: to, withdrawnAt: now });
    await tx.nominationToken.updateMany({ where: { nominationId: n.id, usedAt: null }, data: { usedAt: now } });
    const optOut = by === "nominee" && input.optOut;
    if (optOut) {
      await tx.nominationOptOut.createMany({ data: [{ sessionId: n.sessionId, emailHash: hashOptOutEmail(n.nomineeEmail) }], skipDuplicates: true });
    }
    record({
      ...(loaded.token ? { actorId: n.nomineeUserId } : {}),
      action: "nomination.withdrawn",
      entityType: "Nomination",
      entityId: n.id,
      isPublic: false,
      data: { ...nominationData(n), by, optOut, previousStatus: from },
    });
    // The committee member who nominated them hears it from the app (when they did not do it themselves).
    if (by === "nominee") await tellNominator(tx, n, "nomination.withdrawn");
    return { ...result(n, to), by } satisfies NominationResult & { by: WithdrawnBy };
  },
  // A selected speaker who withdraws leaves the public session page too.
  invalidates: SURFACES.speakers,
});
