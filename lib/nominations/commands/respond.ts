import { defineCommand } from "@/lib/commands/run";
import { lockRow } from "@/lib/db/locks";
import { acceptedEmail } from "../emails";
import { effectiveStatus, nextNominationStatus, respondRefusal, tokenRefusal } from "../policy";
import { respondSchema } from "../schemas";
import { hashNominationToken, hashOptOutEmail, newNominationToken } from "../tokens";
import { claimToken, findToken, mailContext, moveNomination, nominationData, nominationSelect, result, SURFACES, tellNominator, type NominationResult } from "./shared";

export type RespondResult = NominationResult & { emailSent: boolean };

/**
 * The nominee answers with the personal RESPOND link (no account needed). Accepting records the
 * bio and what may be published, and emails a WITHDRAW link valid until the session starts;
 * declining may add "do not nominate me again for this session". The link then stops working.
 * An invitation that ran out is refused and left as it is stored: effectiveStatus reads it as
 * EXPIRED everywhere, and a refusal writes nothing.
 */
export const respondToInvitation = defineCommand({
  name: "nominations.respond",
  input: respondSchema,
  actor: "optional",
  // The link is the credential, whoever holds it (signed in or not): tokenRefusal decides.
  allow: () => null,
  async load({ tx, input }) {
    const token = await findToken(tx, input.token);
    if (!token) return { token, n: null };
    await lockRow(tx, "Nomination", token.nominationId);
    return { token, n: await tx.nomination.findUniqueOrThrow({ where: { id: token.nominationId }, select: nominationSelect }) };
  },
  authorize: ({ input, now, loaded: { token, n } }) =>
    tokenRefusal(token, "RESPOND", now) ?? respondRefusal(n!.session, n!, input.response, now),
  async work({ tx, input, now, loaded, record, mail }) {
    const n = loaded.n!;
    await claimToken(tx, loaded.token!.id, now);
    // respondRefusal passed: there is a next status.
    const to = nextNominationStatus(effectiveStatus(n, now), input.response)!;
    await tx.nominationToken.updateMany({ where: { nominationId: n.id, purpose: "RESPOND", usedAt: null }, data: { usedAt: now } });

    if (input.response === "accept") {
      await moveNomination(tx, n, {
        status: to,
        respondedAt: now,
        bio: input.bio ?? null,
        publishName: input.publishName,
        publishOrganization: input.publishOrganization,
        publishBio: input.publishBio,
      });
      const withdrawToken = newNominationToken();
      await tx.nominationToken.create({
        data: { nominationId: n.id, purpose: "WITHDRAW", tokenHash: hashNominationToken(withdrawToken), expiresAt: n.session.startsAt },
      });
      record({
        actorId: n.nomineeUserId,
        action: "nomination.accepted",
        entityType: "Nomination",
        entityId: n.id,
        isPublic: false,
        data: { ...nominationData(n), publishName: input.publishName, publishOrganization: input.publishOrganization, publishBio: input.publishBio },
      });
      await tellNominator(tx, n, "nomination.accepted");
      mail(acceptedEmail({ ...mailContext(n), token: withdrawToken }));
      return { nomination: result(n, to), mailed: true };
    }

    await moveNomination(tx, n, { status: to, respondedAt: now });
    if (input.optOut) {
      await tx.nominationOptOut.createMany({ data: [{ sessionId: n.sessionId, emailHash: hashOptOutEmail(n.nomineeEmail) }], skipDuplicates: true });
    }
    record({
      actorId: n.nomineeUserId,
      action: "nomination.declined",
      entityType: "Nomination",
      entityId: n.id,
      isPublic: false,
      data: { ...nominationData(n), optOut: input.optOut },
    });
    await tellNominator(tx, n, "nomination.declined");
    return { nomination: result(n, to), mailed: false };
  },
  respond: (done, { mailDelivered }): RespondResult => ({ ...done.nomination, emailSent: done.mailed && mailDelivered }),
  invalidates: SURFACES.private,
});
