import { defineCommand } from "@/lib/commands/run";
import type { EmailCategory } from "@/lib/generated/prisma/enums";
import { CATEGORY_FIELD, EMAIL_CATEGORIES } from "../categories";
import { canChooseEmailPreferences, chooseCategoriesRefusal } from "../policy";
import { withDefaults } from "../queries";
import { updateEmailPreferencesSchema } from "../schemas";

/**
 * A signed-in person sets how often they get email per category (immediately, daily, weekly,
 * never). Only their own rows: the user is the actor, never a field of the form. The monitoring
 * category is for reviewers. A private audit entry names the categories that changed.
 *
 * Input: { proposals?, sessions?, nominations?, report?, champions?, dialogue?, monitoring?: cadence, locale? }
 */
export const updateEmailPreferences = defineCommand({
  name: "emailPreferences.update",
  input: updateEmailPreferencesSchema,
  actor: "required",
  allow: ({ actor }) => canChooseEmailPreferences(actor),
  authorize: ({ actor, input }) => chooseCategoriesRefusal(actor, input),
  async work({ tx, actor, input, record }) {
    const userId = actor.userId;
    const before = withDefaults(await tx.emailPreference.findMany({ where: { userId }, select: { category: true, cadence: true } }));
    const changed: EmailCategory[] = [];
    for (const category of EMAIL_CATEGORIES) {
      const cadence = input[CATEGORY_FIELD[category]];
      if (cadence === undefined) continue;
      await tx.emailPreference.upsert({ where: { userId_category: { userId, category } }, create: { userId, category, cadence }, update: { cadence } });
      if (before[category] !== cadence) changed.push(category);
    }
    if (changed.length > 0) record({ action: "email.preferences_changed", entityType: "User", entityId: userId, isPublic: false, data: { categories: changed } });
    return { changed: changed.length };
  },
});
