import { defineCommand, requires } from "@/lib/commands/run";
import { forbidden } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { canEditDelegateProfile } from "../policy";
import { editDelegateProfileSchema } from "../schemas";

/**
 * A delegate writes their public profile: the name shown, what they cover (in the languages they
 * write it in) and the languages they speak. The institution is the admin's to set, with the role.
 *
 * Input: { displayName, portfolioEs?, portfolioEn?, portfolioPt?, portfolioFr?, languagesSpoken: [code…] }
 */
export const editDelegateProfile = defineCommand({
  name: "dialogue.editDelegateProfile",
  input: editDelegateProfileSchema,
  actor: "required",
  allow: requires(canEditDelegateProfile, "dialogue.notDelegate"),
  async load({ tx, actor }) {
    const profile = await tx.delegateProfile.findUnique({ where: { userId: actor.userId }, select: { userId: true, institution: { select: { kind: true, country: true } } } });
    if (!profile) throw forbidden("dialogue.notDelegate");
    return profile;
  },
  async work({ tx, input, actor, loaded, record }) {
    const portfolio: Record<string, string> = {};
    for (const [lang, text] of [["es", input.portfolioEs], ["en", input.portfolioEn], ["pt", input.portfolioPt], ["fr", input.portfolioFr]] as const) {
      if (text) portfolio[lang] = text;
    }
    await tx.delegateProfile.update({
      where: { userId: actor.userId },
      data: { displayName: input.displayName, portfolio: portfolio as Prisma.InputJsonObject, languagesSpoken: input.languagesSpoken },
    });
    record({
      action: "delegate.profile_updated",
      entityType: "DelegateProfile",
      entityId: actor.userId,
      isPublic: true,
      data: { delegateName: input.displayName, institutionKind: loaded.institution.kind, country: loaded.institution.country },
    });
    return { userId: actor.userId };
  },
  invalidates: ["dialogue", "transparency"],
});
