import { defineCommand } from "@/lib/commands/run";
import { managesOwnAccount } from "../policy";
import { updateProfileSchema } from "../schemas";

/** The person's own name and language; the page and the mail they get speak it from now on. */
export const updateProfile = defineCommand({
  name: "accountData.updateProfile",
  input: updateProfileSchema,
  actor: "required",
  allow: managesOwnAccount,
  async work({ tx, actor, input, record }): Promise<{ locale: typeof input.preferredLocale }> {
    await tx.user.update({ where: { id: actor.userId }, data: { name: input.name, preferredLocale: input.preferredLocale } });
    record({ action: "account.profile_updated", entityType: "User", entityId: actor.userId, isPublic: false, data: { preferredLocale: input.preferredLocale, nameChanged: input.name !== actor.name } });
    return { locale: input.preferredLocale };
  },
  // The name shows where people listed themselves (participants, speakers, delegates).
  invalidates: ["everything"],
});
