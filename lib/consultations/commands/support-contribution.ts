import { defineCommand } from "@/lib/commands/run";
import { resolveVoice } from "@/lib/dialogue/authorship";
import { voiceRefusal } from "@/lib/dialogue/policy";
import { conflict, notFound } from "@/lib/errors";
import { isUniqueViolation } from "@/lib/db/errors";
import { canContribute, hiddenRefusal, stateRefusal, supportRefusal } from "../policy";
import { supportContributionSchema } from "../schemas";
import { shareConsultation } from "./shared";

/**
 * A signed-in person supports someone else's contribution while the consultation is open, once
 * (the unique index on contribution and person decides races), as themselves or under a pseudonym.
 *
 * Input: { contributionId, voice?, organizationId?, showOrganization? }   Result: { contributionId, consultationId }
 */
export const supportContribution = defineCommand({
  name: "consultations.supportContribution",
  input: supportContributionSchema,
  actor: "required",
  allow: ({ actor, input }) => (canContribute(actor) ? voiceRefusal(actor, input) : { kind: "unauthenticated", key: "notSignedIn" }),
  async load({ tx, input }) {
    const contribution = await tx.consultationContribution.findUnique({
      where: { id: input.contributionId },
      select: { id: true, consultationId: true, askerId: true, hiddenAt: true, pseudonym: { select: { userId: true } } },
    });
    if (!contribution) throw notFound();
    return { contribution, consultation: await shareConsultation(tx, contribution.consultationId) };
  },
  authorize: ({ actor, loaded, now }) =>
    stateRefusal(loaded.consultation, "support", now) ??
    hiddenRefusal(loaded.contribution) ??
    supportRefusal(actor, { askerId: loaded.contribution.askerId, pseudonymUserId: loaded.contribution.pseudonym?.userId ?? null }),
  async work({ tx, input, actor, now, loaded, record }) {
    const voice = await resolveVoice(tx, actor, input);
    await tx.consultationSupport.create({ data: { contributionId: loaded.contribution.id, userId: voice.userId, pseudonymId: voice.pseudonymId, createdAt: now } });
    if (voice.created) record({ action: "pseudonym.created", entityType: "Pseudonym", entityId: voice.pseudonymId!, isPublic: false, actorId: null, data: {} });
    record({
      action: "consultation.supported",
      entityType: "ConsultationContribution",
      entityId: loaded.contribution.id,
      isPublic: false,
      actorId: voice.auditActorId,
      data: { contributionId: loaded.contribution.id, pseudonymous: !!voice.pseudonymId },
    });
    return { contributionId: loaded.contribution.id, consultationId: loaded.consultation.id };
  },
  recover: (error): { contributionId: string; consultationId: string } | undefined => {
    if (isUniqueViolation(error)) throw conflict("consultations.alreadySupported");
    return undefined;
  },
  invalidates: ["dialogue"],
});
