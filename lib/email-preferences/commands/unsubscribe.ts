import { defineCommand } from "@/lib/commands/run";
import { refuse } from "@/lib/errors";
import { unsubscribeSchema } from "../schemas";
import { readUnsubscribeToken } from "../token";

/**
 * One-click unsubscribe (RFC 8058) from an email's link, signed in or not: the token (an HMAC
 * of the person and the category, lib/email-preferences/token.ts) is the whole authority, so
 * `allow` lets anyone try and `authorize` refuses any token that is not genuine. Sets that one
 * category to NEVER; nothing else of the person changes. Saying it twice is harmless.
 *
 * Input: { token, locale? }
 */
export const unsubscribe = defineCommand({
  name: "emailPreferences.unsubscribe",
  input: unsubscribeSchema,
  actor: "optional",
  allow: () => null,
  async load({ tx, input }) {
    const target = readUnsubscribeToken(input.token);
    if (!target) return null;
    const user = await tx.user.findUnique({ where: { id: target.userId }, select: { id: true } });
    return user ? target : null;
  },
  authorize: ({ loaded }) => (loaded ? null : refuse.field("token", "emailPreferences.invalidToken")),
  async work({ tx, loaded, record }) {
    const { userId, category } = loaded!;
    await tx.emailPreference.upsert({
      where: { userId_category: { userId, category } },
      create: { userId, category, cadence: "NEVER" },
      update: { cadence: "NEVER" },
    });
    // By no one: the link may have been followed by anyone holding the email.
    record({ action: "email.unsubscribed", entityType: "User", entityId: userId, isPublic: false, data: { category }, actorId: null });
    return { category };
  },
});
