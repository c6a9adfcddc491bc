import { defineCommand } from "@/lib/commands/run";
import { conflict, notFound } from "@/lib/errors";
import { canContribute, stateRefusal, withdrawSupportRefusal } from "../policy";
import { contributionRefSchema } from "../schemas";
import { shareConsultation } from "./shared";

/**
 * A person takes back their support of a contribution while the consultation is open (after it
 * closes the counts are the record). Two withdrawals at once delete one row: the second is told
 * there was nothing to withdraw.
 *
 * Input: { contributionId }   Result: { contributionId, consultationId }
 */
export const withdrawContributionSupport = defineCommand({
  name: "consultations.withdrawSupport",
  input: contributionRefSchema,
  actor: "required",
  allow: ({ actor }) => (canContribute(actor) ? null : { kind: "unauthenticated", key: "notSignedIn" }),
  async load({ tx, input, actor }) {
    const contribution = await tx.consultationContribution.findUnique({ where: { id: input.contributionId }, select: { id: true, consultationId: true } });
    if (!contribution) throw notFound();
    const consultation = await shareConsultation(tx, contribution.consultationId);
    const support = await tx.consultationSupport.findUnique({
      where: { contributionId_userId: { contributionId: contribution.id, userId: actor.userId } },
      select: { id: true, pseudonymId: true },
    });
    return { contribution, consultation, support };
  },
  authorize: ({ loaded, now }) => stateRefusal(loaded.consultation, "support", now) ?? withdrawSupportRefusal(loaded.support),
  async work({ tx, loaded, record }) {
    const support = loaded.support!;
    const { count } = await tx.consultationSupport.deleteMany({ where: { id: support.id } });
    if (count !== 1) throw conflict("consultations.notSupported");
    record({
      action: "consultation.support_withdrawn",
      entityType: "ConsultationContribution",
      entityId: loaded.contribution.id,
      isPublic: false,
      // Under a pseudonym the entry has no actor, as the support had none.
      actorId: support.pseudonymId ? null : undefined,
      data: { contributionId: loaded.contribution.id, pseudonymous: !!support.pseudonymId },
    });
    return { contributionId: loaded.contribution.id, consultationId: loaded.consultation.id };
  },
  invalidates: ["dialogue"],
});
