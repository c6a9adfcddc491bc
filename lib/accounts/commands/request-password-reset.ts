import { randomBytes } from "node:crypto";
import { defineCommand } from "@/lib/commands/run";
import { passwordResetMail } from "../emails";
import { openToEveryone, passwordResetRules, RESET_TOKEN_TTL_MS, sha256Hex } from "../policy";
import { requestPasswordResetSchema } from "../schemas";
import { addressOf } from "./address";

/**
 * Sends a single-use reset link (valid one hour) if the email has an account. The caller
 * always gives the same answer; only the rate limit (counted for every request) can differ.
 * Called as `requestPasswordReset(null, raw, { address, now })`.
 */
export const requestPasswordReset = defineCommand({
  name: "accounts.requestPasswordReset",
  input: requestPasswordResetSchema,
  actor: "optional",
  allow: openToEveryone,
  rateLimit: { rules: ({ input, request }) => passwordResetRules(input.email, addressOf(request)), count: "attempt" },
  async work({ tx, input, now, record, mail }): Promise<void> {
    const user = await tx.user.findUnique({ where: { email: input.email }, select: { id: true, email: true, preferredLocale: true } });
    if (!user) return;
    // The token only ever exists in the email; the database keeps its sha256.
    const token = randomBytes(32).toString("base64url");
    await tx.passwordResetToken.create({
      data: { userId: user.id, tokenHash: sha256Hex(token), expiresAt: new Date(now.getTime() + RESET_TOKEN_TTL_MS) },
    });
    record({ action: "account.password_reset_requested", entityType: "User", entityId: user.id, isPublic: false, data: {} });
    mail(passwordResetMail(user.email, user.preferredLocale, token));
  },
});
